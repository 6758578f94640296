using Governance.Reliability.Tests.KillHarness;
using Xunit.Abstractions;

namespace Governance.Reliability.Tests;

/// <summary>
/// Crash consistency: the shipped build killed with SIGKILL at random points of each scenario, then checked (see
/// <see cref="KillRunner"/>). CI runs GOVERNANCE_KILL_POINTS=40 (the default) across the scenarios; scripts/kill-harness.sh
/// runs 200. The seed is printed with every scenario; GOVERNANCE_KILL_SEED replays it.
/// </summary>
[Trait("Category", "KillHarness")]
public sealed class KillHarnessTests(KillTemplates templates, ITestOutputHelper output) : IClassFixture<KillTemplates>
{
    public static TheoryData<string> Scenarios => [.. KillScenarios.All.Select(scenario => scenario.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_kill_point_leaves_a_store_that_opens_verifies_and_runs_the_command_again(string name)
    {
        var scenario = KillScenarios.All.Single(scenario => scenario.Name == name);
        var report = await new KillRunner(templates, Log).RunAsync(scenario, KillSettings.PointsFor(scenario, KillScenarios.All), KillSettings.Seed);

        Log(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n\n", report.Failures));
    }

    // Also to a file, so that scripts/kill-harness.sh can print the run as it goes and sum it up.
    private void Log(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("GOVERNANCE_KILL_LOG") is { Length: > 0 } log)
        {
            lock (typeof(KillHarnessTests))
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
    }
}
