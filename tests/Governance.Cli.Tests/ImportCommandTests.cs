namespace Governance.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [BackstageFact]
    public async Task The_official_Backstage_examples_import_with_owners_and_dependencies()
    {
        var import = await _cli.InvokeAsync("import", Repository.BackstageExamples);

        Assert.True(import.ExitCode == 0, import.Error);
        var show = await _cli.InvokeAsync("--json", "services", "show", "artist-lookup");
        Assert.Contains("\"owner\": \"team-a\"", show.Output);
        Assert.Contains("\"system\": \"artist-engagement-portal\"", show.Output);
        Assert.Contains("\"target\": \"resource:artists-db\"", show.Output);
        var systems = await _cli.InvokeAsync("entities", "list", "--kind", "system");
        Assert.Contains("system:artist-engagement-portal", systems.Output);
        Assert.Contains("3 entities.", systems.Output);
    }

    [BackstageFact]
    public async Task A_second_import_of_the_same_files_changes_nothing_and_says_so()
    {
        await _cli.InvokeAsync("import", Repository.BackstageExamples);
        var entriesBefore = (await _cli.InvokeAsync("history", "verify")).Output;

        var second = await _cli.InvokeAsync("import", Repository.BackstageExamples);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No changes", second.Output);
        Assert.Equal(entriesBefore, (await _cli.InvokeAsync("history", "verify")).Output);
    }

    [Fact]
    public async Task A_second_import_of_a_fleet_file_changes_nothing_and_adds_no_history()
    {
        var file = Write("fleet.yaml", Fleet("  - id: api\n    name: API\n    tier: 1\n    dependencies: [{ target: db, timeoutMs: 300 }]\n  - id: db\n    name: DB\n"));
        var first = await _cli.InvokeAsync("import", file);
        var verified = await _cli.InvokeAsync("history", "verify");

        var second = await _cli.InvokeAsync("import", file);

        Assert.Contains("3 created", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No changes: all 3 entities in 1 file(s) already match the store.", second.Output);
        Assert.Equal(verified.Output, (await _cli.InvokeAsync("history", "verify")).Output);
    }

    [Fact]
    public async Task Skipping_invalid_entities_imports_the_rest_and_lists_what_was_skipped()
    {
        var file = Write("fleet.yaml", Fleet("  - id: good\n    name: Good\n  - id: bad\n    name: Bad\n    tier: 9\n"));

        var import = await _cli.InvokeAsync("import", "--skip-invalid", file);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("skipped: service:bad", import.Output);
        Assert.Contains("services[1].tier", import.Output);
        Assert.Equal(0, (await _cli.InvokeAsync("services", "show", "good")).ExitCode);
        Assert.Equal(4, (await _cli.InvokeAsync("services", "show", "bad")).ExitCode);
    }

    [Fact]
    public async Task A_malformed_file_is_reported_by_file_line_and_field_and_imports_nothing()
    {
        var good = Write("good.yaml", Fleet("  - id: api\n    name: API\n    tier: 1\n"));
        var bad = Write("bad.yaml", Fleet("  - id: db\n    name: DB\n    tier: 9\n"));

        var import = await _cli.InvokeAsync("import", good, bad);

        Assert.Equal(3, import.ExitCode);
        Assert.Contains($"{bad}:8:11: services[0].tier", import.Error);
        Assert.Contains("Nothing was imported", import.Error);
        Assert.Equal(4, (await _cli.InvokeAsync("services", "show", "api")).ExitCode);
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var file = Write("fleet.yaml", Fleet("  - id: api\n    name: API\n    dependencies: [db]\n"));

        var dryRun = await _cli.InvokeAsync("import", "--dry-run", file);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("Dry run", dryRun.Output);
        Assert.Contains("service:api: dependency 'db' is not in the catalog", dryRun.Output);
        Assert.Equal(4, (await _cli.InvokeAsync("services", "show", "api")).ExitCode);
    }

    [Fact]
    public async Task A_dangling_dependency_resolves_when_its_target_arrives()
    {
        await _cli.InvokeAsync("import", Write("api.yaml", Fleet("  - id: api\n    name: API\n    dependencies: [db]\n")));

        var second = await _cli.InvokeAsync("import", Write("db.yaml", Fleet("  - id: db\n    name: DB\n")));

        Assert.Contains("resolved: service:api: dependency 'db' now resolves", second.Output);
    }

    [Fact]
    public async Task A_backstage_dependencyOf_is_reported_once_until_its_caller_arrives_and_other_warnings_are_shown()
    {
        var db = Write("db.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: { name: db }
            spec: { type: database, owner: team-a, dependencyOf: [web] }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: { name: team-a }
            spec: { type: team, children: [team-x] }
            """);

        var first = await _cli.InvokeAsync("import", db);
        var second = await _cli.InvokeAsync("import", Write("web.yaml", Fleet("  - { id: web, name: Web }\n")));
        var show = await _cli.InvokeAsync("--json", "services", "show", "resource:db");

        Assert.Equal(
        [
            $"warning: {db}:9:32: spec.children[0]: group 'team-x' is not defined in the imported files; this relation is not recorded",
            "warning: service:resource:db: dependencyOf 'web' is not in the catalog",
        ], first.Output.Split('\n').Where(line => line.StartsWith("warning: ", StringComparison.Ordinal)));
        Assert.Contains("resolved: service:resource:db: dependencyOf 'web' now resolves", second.Output);
        var dependents = System.Text.Json.JsonDocument.Parse(show.Output).RootElement.GetProperty("dependents").EnumerateArray();
        Assert.Equal(["web"], dependents.Select(dependent => dependent.GetProperty("id").GetString()));
    }

    private static string Fleet(string services) => $"apiVersion: governance/v1\nkind: Fleet\nteams:\n  - id: team-a\nservices:\n{services}";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
