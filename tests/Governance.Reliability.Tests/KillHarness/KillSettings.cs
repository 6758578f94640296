using System.Globalization;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// The harness's knobs, from the environment: GOVERNANCE_KILL_POINTS (all scenarios together; 40 by default, the bounded
/// CI run; scripts/kill-harness.sh asks for 200), GOVERNANCE_KILL_SEED (to replay a run; random by default, and printed),
/// GOVERNANCE_KILL_SERVICES (the generated fleet's size, 500 by default).
/// </summary>
public static class KillSettings
{
    public static int Points { get; } = Read("GOVERNANCE_KILL_POINTS", 40);

    public static int Seed { get; } = Read("GOVERNANCE_KILL_SEED", Random.Shared.Next());

    public static int Services { get; } = Read("GOVERNANCE_KILL_SERVICES", 500);

    /// <summary>
    /// The points <paramref name="scenario"/> gets: its weight's share of <see cref="Points"/>, the shares rounded so that they
    /// add up to <see cref="Points"/> (largest remainders first), and at least one.
    /// </summary>
    public static int PointsFor(KillScenario scenario, IReadOnlyList<KillScenario> all)
    {
        var weights = all.Sum(each => each.Weight);
        var quotas = all.Select(each => (double)Points * each.Weight / weights).ToList();
        var shares = quotas.Select(quota => (int)Math.Floor(quota)).ToList();
        var left = Points - shares.Sum();
        foreach (var index in Enumerable.Range(0, all.Count).OrderByDescending(index => quotas[index] - shares[index]).ThenBy(index => index).Take(left))
        {
            shares[index]++;
        }

        return Math.Max(1, shares[all.ToList().IndexOf(scenario)]);
    }

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
