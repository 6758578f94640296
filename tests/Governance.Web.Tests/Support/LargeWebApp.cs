using Governance.Cli.Generation;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Generation;

namespace Governance.Web.Tests.Support;

/// <summary>
/// The server over a generated fleet of 100,000 services, imported and audited by the <c>governance</c> commands as a user
/// would: the pages' large state. The generated fleet is kept, so that tests take what the pages should show from their input.
/// </summary>
public sealed class LargeWebApp : DemoWebApp
{
    public const int FleetSize = 100_000;

    public Fleet Fleet { get; } = FleetGenerator.Generate(FleetSize, seed: 1);

    private protected override async Task LoadAsync()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Database)!, "fleet");
        GenerateCommand.WriteFiles(Fleet, folder);
        await RunCliAsync("import", folder);
        await RunCliAsync("audit", "run");
    }
}
