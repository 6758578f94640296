using System.Text.Json.Serialization;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;

namespace Governance.Domain.Serialization;

/// <summary>
/// Compile-time metadata for the types fleet-wide reads turn from JSON by the hundred thousand: it spares the reflection
/// that dominates a cold read of 100,000 service states. The shape still comes from <see cref="DomainJson.Options"/>.
/// </summary>
[JsonSerializable(typeof(ServiceState))]
[JsonSerializable(typeof(CatalogEntity))]
[JsonSerializable(typeof(List<TraitFinding>))]
internal sealed partial class DomainJsonContext : JsonSerializerContext;
