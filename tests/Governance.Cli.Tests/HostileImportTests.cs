using System.Text.Json;
using Governance.Storage.Tests.Support;

namespace Governance.Cli.Tests;

/// <summary>
/// The hostile inputs of issue 9, each imported through the command line into a store that already holds a service: a clear
/// located error (exit 3) or warning (exit 0), and never a crash, a hang or a write the input did not ask for.
/// </summary>
public sealed class HostileImportTests : IDisposable
{
    // Long enough for a slow machine, short enough that an import waiting on a FIFO fails the test instead of hanging the run.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_file_nested_200000_deep_is_refused_with_its_place_and_exit_3_writing_nothing()
    {
        var before = await SeedAsync();
        var file = Write("deep.yaml", $"apiVersion: governance/v1\nkind: Fleet\nservices: {new string('[', 200_000)}{new string(']', 200_000)}\n");

        var import = await ImportAsync(file);

        Assert.Equal(3, import.ExitCode);
        Assert.Equal(
            $"error: {file}:3:74: services[0][0][0][0][0][0][0]…: lists and mappings nested more than 64 deep (the limit)\nNothing was imported: 1 error(s) in 1 file(s).\n",
            import.Error);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task A_folder_holding_a_link_to_itself_is_read_once_with_a_warning_and_exit_0()
    {
        var folder = Path.Combine(_cli.Folder, "catalog");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "team.yaml"), "apiVersion: governance/v1\nkind: Fleet\nteams: [{ id: team-b }]\n");
        var self = Path.Combine(folder, "sub", "self");
        Directory.CreateSymbolicLink(self, "..");
        var before = await SeedAsync();

        var import = await ImportAsync(folder);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            $"warning: {self}:1:1: (path): leads to {folder}, a folder this import already searches: not followed again\nImported 1 file(s): 1 created, 0 updated, 0 unchanged (1 entities).\n",
            import.Output);
        Assert.Equal(before with { Entries = before.Entries + 1 }, await StoreAsync());
    }

    [Fact]
    public async Task A_location_leading_out_of_the_folder_relative_or_absolute_is_refused_with_its_place_and_exit_3()
    {
        var outside = Write("outside.yaml", "apiVersion: governance/v1\nkind: Fleet\nteams: [{ id: intruder }]\n");
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "catalog"));
        var location = Write(Path.Combine("catalog", "catalog-info.yaml"), $$"""
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: { name: root }
            spec:
              targets: [../outside.yaml, {{outside}}]
            """);
        var before = await SeedAsync();

        var import = await ImportAsync(Path.GetDirectoryName(location)!);

        Assert.Equal(3, import.ExitCode);
        const string Refusal = "the target is outside the folders of this import: name its folder in the import too";
        Assert.Equal(
            $"error: {location}:5:13: spec.targets[0]: {Refusal}\nerror: {location}:5:30: spec.targets[1]: {Refusal}\nNothing was imported: 2 error(s) in 1 file(s).\n",
            import.Error);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task A_fifo_among_the_files_is_skipped_with_a_warning_and_exit_0_never_opened()
    {
        var folder = Path.Combine(_cli.Folder, "catalog");
        Directory.CreateDirectory(folder);
        var fifo = Path.Combine(folder, "pipe.yaml");
        await SpecialFiles.CreateFifoAsync(fifo);
        var before = await SeedAsync();

        var import = await ImportAsync(folder);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            $"warning: {fifo}:1:1: (path): is a FIFO (named pipe), not a regular file: skipped, never opened\nNothing to import: no catalog file was read.\n",
            import.Output);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task A_location_target_that_is_a_fifo_is_refused_with_its_place_and_exit_3()
    {
        var location = Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: root }\nspec: { target: ./pipe }\n");
        await SpecialFiles.CreateFifoAsync(Path.Combine(_cli.Folder, "pipe"));
        var before = await SeedAsync();

        var import = await ImportAsync(location);

        Assert.Equal(3, import.ExitCode);
        Assert.Equal(
            $"error: {location}:4:17: spec.target: target '{_cli.Folder}/./pipe' is a FIFO (named pipe), not a regular file: not read\nNothing was imported: 1 error(s) in 1 file(s).\n",
            import.Error);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task A_descriptor_of_empty_kind_is_an_error_with_exit_3_and_never_said_to_match_the_store()
    {
        var file = Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: \"\"\nmetadata:\n  name: artist-web\nspec:\n  type: website\n");
        var before = await SeedAsync();

        var import = await ImportAsync(file);

        Assert.Equal(3, import.ExitCode);
        Assert.Equal(
            $"error: {file}:2:7: kind: is empty; expected one of Component, Resource, System, API, Group, User, Domain, Location, Template\nNothing was imported: 1 error(s) in 1 file(s).\n",
            import.Error);
        Assert.DoesNotContain("already match", import.Output, StringComparison.Ordinal);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task A_descriptor_of_empty_kind_with_skip_invalid_is_listed_as_skipped_with_exit_0_and_a_true_summary()
    {
        var file = Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: \"\"\nmetadata:\n  name: artist-web\nspec:\n  type: website\n");
        var before = await SeedAsync();

        var import = await ImportAsync("--skip-invalid", file);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            $"skipped: document 1: {file}:2:7: kind: is empty; expected one of Component, Resource, System, API, Group, User, Domain, Location, Template\n"
            + "Nothing to import: 1 file(s) held no service or entity that could be imported (see skipped above).\n",
            import.Output);
        Assert.Equal(before, await StoreAsync());
    }

    /// <summary>Puts one service and its team in the store, so that "nothing written" is seen against a store that holds something.</summary>
    private async Task<StoreCounts> SeedAsync()
    {
        var seed = await _cli.InvokeAsync("import", Write("seed.yaml", "apiVersion: governance/v1\nkind: Fleet\nteams: [{ id: team-a }]\nservices: [{ id: api, name: API, owner: team-a }]\n"));
        Assert.True(seed.ExitCode == 0, seed.Error);
        File.Delete(Path.Combine(_cli.Folder, "seed.yaml"));
        var counts = await StoreAsync();
        Assert.Equal(new StoreCounts(2, 1), counts);
        return counts;
    }

    private async Task<CliResult> ImportAsync(params string[] arguments) =>
        await _cli.InvokeAsync(["import", .. arguments]).WaitAsync(Patience);

    /// <summary>How many history entries the store holds (all verified) and how many services.</summary>
    private async Task<StoreCounts> StoreAsync()
    {
        var verify = await _cli.InvokeAsync("--json", "history", "verify");
        Assert.True(verify.ExitCode == 0, verify.Error);
        var services = await _cli.InvokeAsync("--json", "services", "list");
        var entries = JsonDocument.Parse(verify.Output).RootElement.GetProperty("entriesChecked").GetInt32();
        return new StoreCounts(entries, JsonDocument.Parse(services.Output).RootElement.GetArrayLength());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private sealed record StoreCounts(int Entries, int Services);
}
