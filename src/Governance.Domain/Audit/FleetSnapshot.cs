using Governance.Domain.Catalog;

namespace Governance.Domain.Audit;

/// <summary>Every service and catalog entity at one moment, read in a few queries: what fleet-wide work computes on.</summary>
public sealed record FleetSnapshot(IReadOnlyList<ServiceState> Services, IReadOnlyList<CatalogEntity> Entities);
