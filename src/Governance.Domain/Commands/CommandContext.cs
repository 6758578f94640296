using Governance.Domain.Policies;

namespace Governance.Domain.Commands;

/// <summary>What a decision needs beyond the state and the command: who asks, when, and the policy set waivers answer to.</summary>
public sealed record CommandContext(string Actor, DateTimeOffset Now)
{
    /// <summary>For checking a definition on its own, before anyone acts: defining a service reads neither the actor nor the clock.</summary>
    public static readonly CommandContext DefinitionCheck = new("(definition check)", DateTimeOffset.UnixEpoch);

    /// <summary>The policy set a waiver's trait and span are checked against; without one no waiver is granted.</summary>
    public PolicySet? Policies { get; init; }
}
