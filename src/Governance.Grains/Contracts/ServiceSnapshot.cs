using Governance.Domain.Catalog;

namespace Governance.Grains.Contracts;

/// <summary>A service's state at one version (the ETag), and when that version was written.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceSnapshot([property: Id(0)] ServiceState State, [property: Id(1)] long Version, [property: Id(2)] DateTimeOffset UpdatedAt);
