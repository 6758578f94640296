using Governance.Domain.Catalog;

namespace Governance.Storage;

/// <summary>
/// Which waivers to find; every filter left null matches all. <paramref name="ExpiresFrom"/> and <paramref name="ExpiresUntil"/>
/// bound the waiver's last day (<see cref="Waiver.Expires"/>), both included.
/// </summary>
public sealed record WaiverQuery(WaiverStatus? Status = null, DateOnly? ExpiresFrom = null, DateOnly? ExpiresUntil = null);

/// <summary>One waiver, with the profile of the service that holds it.</summary>
public sealed record ServiceWaiver(ServiceProfile Service, Waiver Waiver);
