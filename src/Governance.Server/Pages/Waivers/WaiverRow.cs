using Governance.Domain.Catalog;
using Governance.Storage;

namespace Governance.Server.Pages.Waivers;

/// <summary>One waiver with the service it belongs to, as the waiver pages list them.</summary>
public sealed record WaiverRow(ServiceProfile Service, Waiver Waiver)
{
    public const int ExpiringWithinDays = 30;

    /// <summary>Every waiver of every service that holds one, whatever its status, by service then trait.</summary>
    public static async Task<IReadOnlyList<WaiverRow>> ListAsync(GovernanceStore store, CancellationToken cancellationToken)
    {
        var services = await store.ListServicesAsync(new ServiceQuery(WithWaivers: true), cancellationToken);
        return [.. services.SelectMany(service => service.State.Waivers.Select(waiver => new WaiverRow(service.State.Profile, waiver)))];
    }

    public bool IsRequested => Waiver.Status == WaiverStatus.Requested;

    public bool IsExpired(DateOnly today) => Waiver.Status == WaiverStatus.Approved && !Waiver.AppliesOn(today);

    public bool IsExpiring(DateOnly today) =>
        Waiver.Status == WaiverStatus.Approved && Waiver.AppliesOn(today) && Waiver.Expires <= today.AddDays(ExpiringWithinDays);
}
