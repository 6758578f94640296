using Governance.Domain.Commands;
using Governance.Domain.Serialization;

namespace Governance.Grains.Contracts;

/// <summary>
/// A command for a service grain, who asks, and the version the asker last saw (null: apply to whatever is current). The
/// command travels as the domain's JSON, the form the history records it in.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceCommandRequest([property: Id(0)] string CommandJson, [property: Id(1)] string Actor, [property: Id(2)] long? ExpectedVersion)
{
    /// <summary>A request for <paramref name="command"/>.</summary>
    public static ServiceCommandRequest For(ServiceCommand command, string actor, long? expectedVersion = null) =>
        new(DomainJson.Serialize(command), actor, expectedVersion);

    /// <summary>The command, read back from its JSON.</summary>
    public ServiceCommand Command() => DomainJson.Deserialize<ServiceCommand>(CommandJson);
}
