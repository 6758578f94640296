using Governance.Domain;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Grains.Contracts;

// The domain knows nothing of Orleans: its types cross grain calls as their own JSON, the one shape they have.

/// <summary>A service state on the wire.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ServiceStateSurrogate([property: Id(0)] string Json);

/// <summary>Converts service states to and from their wire form.</summary>
[RegisterConverter]
public sealed class ServiceStateConverter : IConverter<ServiceState, ServiceStateSurrogate>
{
    public ServiceState ConvertFromSurrogate(in ServiceStateSurrogate surrogate) => DomainJson.Deserialize<ServiceState>(surrogate.Json);

    public ServiceStateSurrogate ConvertToSurrogate(in ServiceState value) => new(DomainJson.Serialize(value));
}

/// <summary>A risk profile on the wire.</summary>
[GenerateSerializer, Immutable]
public readonly record struct RiskProfileSurrogate([property: Id(0)] string Json);

/// <summary>Converts risk profiles to and from their wire form.</summary>
[RegisterConverter]
public sealed class RiskProfileConverter : IConverter<RiskProfile, RiskProfileSurrogate>
{
    public RiskProfile ConvertFromSurrogate(in RiskProfileSurrogate surrogate) => DomainJson.Deserialize<RiskProfile>(surrogate.Json);

    public RiskProfileSurrogate ConvertToSurrogate(in RiskProfile value) => new(DomainJson.Serialize(value));
}

/// <summary>A field error on the wire.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FieldErrorSurrogate([property: Id(0)] string Field, [property: Id(1)] string Message);

/// <summary>Converts field errors to and from their wire form.</summary>
[RegisterConverter]
public sealed class FieldErrorConverter : IConverter<FieldError, FieldErrorSurrogate>
{
    public FieldError ConvertFromSurrogate(in FieldErrorSurrogate surrogate) => new(surrogate.Field, surrogate.Message);

    public FieldErrorSurrogate ConvertToSurrogate(in FieldError value) => new(value.Field, value.Message);
}
