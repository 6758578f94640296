using Governance.Domain;

namespace Governance.Grains.Contracts;

/// <summary>What a service grain made of a command: one of four outcomes, each saying what the caller needs next.</summary>
[GenerateSerializer, Immutable]
public abstract record CommandReply
{
    /// <summary>The command changed the service; <see cref="Service"/> is its new state and version.</summary>
    [GenerateSerializer, Immutable]
    public sealed record Accepted([property: Id(0)] ServiceSnapshot Service) : CommandReply;

    /// <summary>The command asked for what already holds; nothing was written.</summary>
    [GenerateSerializer, Immutable]
    public sealed record Unchanged([property: Id(0)] ServiceSnapshot Service) : CommandReply;

    /// <summary>The command breaks a rule; each error names its field. Nothing was written.</summary>
    [GenerateSerializer, Immutable]
    public sealed record Rejected([property: Id(0)] IReadOnlyList<FieldError> Errors, [property: Id(1)] long CurrentVersion) : CommandReply;

    /// <summary>The service is not at the version the caller expected; nothing was written.</summary>
    [GenerateSerializer, Immutable]
    public sealed record Conflict([property: Id(0)] long ExpectedVersion, [property: Id(1)] long CurrentVersion) : CommandReply;
}
