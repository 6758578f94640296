using Governance.Domain.Catalog;

namespace Governance.Storage;

/// <summary>A service that calls another: who it is, and the edge of its own state by which it calls (its attributes).</summary>
public sealed record ServiceCaller(string Id, string Name, string? Owner, int? Tier, Dependency Edge);

/// <summary>How many services call one, and the first of them by id.</summary>
public sealed record CallerPage(IReadOnlyList<ServiceCaller> Callers, int Total);
