namespace Governance.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await _cli.InvokeAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error);
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        await _cli.InvokeAsync("init");
        var result = await _cli.InvokeAsync("services", "show", "nothing-here");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("no service 'nothing-here'", result.Error);
    }

    [Fact]
    public async Task Commands_that_only_read_refuse_a_missing_store_and_create_nothing()
    {
        var missing = Path.Combine(_cli.Folder, "typo", "governance.db");

        var verify = await _cli.InvokeRawAsync("--db", missing, "history", "verify");
        var list = await _cli.InvokeRawAsync("--db", missing, "services", "list");

        Assert.Equal((6, 6), (verify.ExitCode, list.ExitCode));
        Assert.Contains($"no store at {missing}", verify.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task Init_creates_the_store_and_says_where()
    {
        var result = await _cli.InvokeAsync("init");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Store ready: sqlite at {_cli.Database}", result.Output);
        Assert.True(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task Services_can_be_filtered_by_team_and_tier()
    {
        var path = Path.Combine(_cli.Folder, "fleet.yaml");
        await File.WriteAllTextAsync(path, """
            apiVersion: governance/v1
            kind: Fleet
            services:
              - { id: a, name: A, owner: red, tier: 0 }
              - { id: b, name: B, owner: red, tier: 2 }
              - { id: c, name: C, owner: blue, tier: 0 }
            """);
        await _cli.InvokeAsync("import", path);

        var red = await _cli.InvokeAsync("--json", "services", "list", "--team", "red");
        var tierZero = await _cli.InvokeAsync("--json", "services", "list", "--tier", "0");

        Assert.Equal(["a", "b"], Ids(red.Output));
        Assert.Equal(["a", "c"], Ids(tierZero.Output));
    }

    private static List<string> Ids(string json) =>
        [.. System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(row => row.GetProperty("id").GetString()!)];
}
