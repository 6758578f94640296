namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// Every scenario the kill harness runs. A later capability (incidents, changes, reports) adds its commands here: a
/// <see cref="KillScenario"/> naming a template store to copy, the command to start (a CLI command through
/// <see cref="KillTarget.Command"/>, or a server and a request stream), what must hold after the kill and how to run it
/// again, e.g. <c>new("incidents-import", 2, point => ..., point => KillTarget.Command(GovernanceProcess.Start(...)), ..., ...)</c>.
/// Each becomes a test case of <see cref="KillHarnessTests"/> and gets its weight's share of the kill points.
/// </summary>
public static class KillScenarios
{
    public static IReadOnlyList<KillScenario> All { get; } =
    [
        CommandScenarios.Import,
        CommandScenarios.ImportNewStore,
        CommandScenarios.Audit,
        ServerScenarios.StartUp,
        ServerScenarios.Writes,
        ServerScenarios.ScheduledAudit,
    ];
}
