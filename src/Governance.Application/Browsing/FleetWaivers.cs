using Governance.Domain.Catalog;
using Governance.Storage;

namespace Governance.Application.Browsing;

/// <summary>
/// The fleet's waivers as the waivers page shows them: the requests awaiting a decision, the approved waivers whose last day is
/// within <see cref="ExpiringWithinDays"/> days (soonest first), the expired ones (latest first), and how many apply today. Read
/// through the waiver index: only the states of services holding a listed waiver are read, and those that apply are counted.
/// </summary>
public sealed record FleetWaivers(IReadOnlyList<ServiceWaiver> Requested, IReadOnlyList<ServiceWaiver> Expiring, IReadOnlyList<ServiceWaiver> Expired, int Active)
{
    public const int ExpiringWithinDays = 30;

    /// <summary>The waivers of <paramref name="store"/> as of today (UTC): an approved waiver applies up to and including its last day.</summary>
    public static async Task<FleetWaivers> LoadAsync(GovernanceStore store, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var requested = await store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Requested), cancellationToken);
        var expiring = await store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresFrom: today, ExpiresUntil: today.AddDays(ExpiringWithinDays)), cancellationToken);
        var expired = await store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresUntil: today.AddDays(-1)), cancellationToken);
        var active = await store.CountWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresFrom: today), cancellationToken);

        // The store lists by service then trait; a stable sort keeps that order among waivers ending the same day.
        return new FleetWaivers(
            requested,
            [.. expiring.OrderBy(row => row.Waiver.Expires)],
            [.. expired.OrderByDescending(row => row.Waiver.Expires)],
            active);
    }
}
