using System.Globalization;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// The harness's knobs, from the environment: GOVERNANCE_KILL_POINTS (all scenarios together; 40 by default, the bounded
/// CI run; scripts/kill-harness.sh asks for 200), GOVERNANCE_KILL_SEED (to replay a run; random by default, and printed),
/// GOVERNANCE_KILL_SERVICES (the generated fleet's size, 1000 by default).
/// </summary>
public static class KillSettings
{
    public static int Points { get; } = Read("GOVERNANCE_KILL_POINTS", 40);

    public static int Seed { get; } = Read("GOVERNANCE_KILL_SEED", Random.Shared.Next());

    public static int Services { get; } = Read("GOVERNANCE_KILL_SERVICES", 1000);

    /// <summary>The points <paramref name="scenario"/> gets: its weight's share of <see cref="Points"/>, at least one.</summary>
    public static int PointsFor(KillScenario scenario, IReadOnlyList<KillScenario> all) =>
        Math.Max(1, (int)Math.Round((double)Points * scenario.Weight / all.Sum(each => each.Weight), MidpointRounding.AwayFromZero));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
