using Governance.Storage.Browsing;

namespace Governance.Application.Browsing;

/// <summary>
/// Every remediation item in the fleet: how many, done, in flight, won't do and overdue ("32 of 37 done"); the teams most
/// behind (most overdue, then most in flight); and the largest programmes.
/// </summary>
public sealed record RemediationProgress(
    int Items,
    int Done,
    int InFlight,
    int WontDo,
    int Overdue,
    IReadOnlyList<RemediationTally> Teams,
    IReadOnlyList<RemediationTally> Programmes)
{
    public static RemediationProgress Of(RemediationTallies tallies, FleetOverviewLimits limits)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(limits);

        // Every item has one team (or none), so the teams' counts add up to the fleet's.
        var all = tallies.ByTeam;
        return new RemediationProgress(
            all.Sum(tally => tally.Items),
            all.Sum(tally => tally.Done),
            all.Sum(tally => tally.InFlight),
            all.Sum(tally => tally.WontDo),
            all.Sum(tally => tally.Overdue),
            [.. all.OrderByDescending(tally => tally.Overdue).ThenByDescending(tally => tally.InFlight).ThenBy(tally => tally.Name, StringComparer.Ordinal).Take(limits.Teams)],
            [.. tallies.ByProgramme.OrderByDescending(tally => tally.Items).ThenBy(tally => tally.Name, StringComparer.Ordinal).Take(limits.Programmes)]);
    }
}
