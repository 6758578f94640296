namespace Governance.Cli.Tests;

public sealed class DemoAndGenerateTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_demo_loads_the_fleet_and_shows_the_feature_enablement_hub_and_its_programme()
    {
        var demo = await _cli.InvokeAsync("demo");
        File.Delete(_cli.Database);
        var json = await _cli.InvokeAsync("--json", "demo");

        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("feature-enablement", demo.Output);
        Assert.Contains("32 of 37", demo.Output);
        var overview = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("overview");
        Assert.Equal("feature-enablement", overview.GetProperty("hubs")[0].GetProperty("id").GetString());
        Assert.True(overview.GetProperty("services").GetInt32() is >= 38 and <= 44);
    }

    [Fact]
    public async Task The_demo_audit_flags_feature_enablement_as_a_critical_path_hub_and_finds_services_like_it()
    {
        var json = await _cli.InvokeAsync("--json", "demo");

        var audit = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("audit");
        var hub = audit.GetProperty("riskiest")[0];
        Assert.Equal("feature-enablement", hub.GetProperty("serviceId").GetString());
        Assert.Contains("critical-path-hub", hub.GetProperty("traits").EnumerateArray().Select(trait => trait.GetProperty("policyId").GetString()));
        var similar = audit.GetProperty("likeTheHub").EnumerateArray().ToList();
        Assert.Equal(5, similar.Count);
        Assert.All(similar, match => Assert.NotEmpty(match.GetProperty("sharedTraits").EnumerateArray()));
        Assert.DoesNotContain("feature-enablement", similar.Select(match => match.GetProperty("serviceId").GetString()));
    }

    [Fact]
    public async Task The_demo_never_overwrites_a_file_the_user_named()
    {
        File.WriteAllText(_cli.Database, "not a database");

        var demo = await _cli.InvokeAsync("demo");

        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("exists", demo.Error);
        Assert.Equal("not a database", File.ReadAllText(_cli.Database));
    }

    [Fact]
    public async Task A_generated_fleet_imports_cleanly()
    {
        var output = Path.Combine(_cli.Folder, "fleet");

        var generate = await _cli.InvokeAsync("generate", "fleet", "--services", "1500", "--seed", "7", "--out", output);
        var import = await _cli.InvokeAsync("import", output);

        Assert.Equal(0, generate.ExitCode);
        Assert.Equal(["fleet-0001.yaml", "fleet-0002.yaml"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("1500 service(s).", (await _cli.InvokeAsync("services", "list")).Output);
    }
}
