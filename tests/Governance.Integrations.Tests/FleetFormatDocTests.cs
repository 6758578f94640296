using System.Text.RegularExpressions;
using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed partial class FleetFormatDocTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void The_fleet_format_example_in_the_README_imports_as_documented()
    {
        var spec = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var file = _catalog.Write("example.yaml", YamlBlock().Match(spec).Groups[1].Value);

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["group:platform-team", "system:platform"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
        var command = Assert.Single(plan.Services).Command;
        Assert.Equal(0, command.Profile.Tier);
        Assert.Equal(["accounts", "api:billing-events", "config-store"], command.Dependencies!.Select(edge => edge.Target));
        Assert.Equal(200, command.Dependencies![0].TimeoutMs);
        Assert.Equal(["api-gateway"], command.Profile.DependencyOf);
        Assert.Equal("FES-01", Assert.Single(command.RemediationItems!).Id);
        Assert.Equal(
            ["teams[0].parent", "services[0].dependencyOf[0]", "services[0].dependencies[0]", "services[0].dependencies[1].target", "services[0].dependencies[2].target"],
            plan.Warnings.Select(warning => warning.Field));
        Assert.All(plan.Warnings, warning => Assert.Equal(ProblemKind.Reference, warning.Kind));
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
