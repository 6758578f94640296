using Governance.Domain.Catalog;

namespace Governance.Domain.Policies;

/// <summary>The services a policy applies to: every given list must match; an absent list matches all.</summary>
public sealed record PolicySelector
{
    /// <summary>Applies to every service.</summary>
    public static readonly PolicySelector All = new();

    /// <summary>Tiers 0–3; an unclassified service matches only when this is absent.</summary>
    public IReadOnlyList<int>? Tiers { get; init; }

    public IReadOnlyList<string>? Lifecycles { get; init; }

    /// <summary>Owner teams, as references (<c>platform-team</c>, <c>group:platform-team</c>).</summary>
    public IReadOnlyList<string>? Teams { get; init; }

    /// <summary>Matches a service with any of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Catalog kinds: <c>component</c> or <c>resource</c>.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>True when the policy applies to a service with <paramref name="profile"/> (the engine compiles the selector once instead).</summary>
    public bool Matches(ServiceProfile profile) => new SelectorMatcher(this).Matches(profile);

    /// <summary>Owners are kept in short form, so a team written as <c>group:x</c> is compared as <c>x</c>.</summary>
    internal static string TeamKey(string team) => EntityRefs.Normalize(team, EntityKinds.Group);
}
