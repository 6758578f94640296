using Governance.Domain.Catalog;

namespace Governance.Integrations.FleetFormat;

/// <summary>A whole fleet in the fleet format's terms: teams (catalog groups), systems and services.</summary>
public sealed record Fleet(IReadOnlyList<CatalogEntity> Teams, IReadOnlyList<CatalogEntity> Systems, IReadOnlyList<ServiceState> Services);
