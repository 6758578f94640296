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

    /// <summary>True when the policy applies to a service with <paramref name="profile"/>.</summary>
    public bool Matches(ServiceProfile profile) =>
        (Tiers is null || (profile.Tier is { } tier && Tiers.Contains(tier)))
        && Holds(Lifecycles, profile.Lifecycle)
        && (Teams is null || (profile.Owner is { } owner && Teams.Any(team => SameTeam(team, owner))))
        && (Tags is null || profile.Tags.Any(tag => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
        && Holds(Kinds, profile.Kind);

    /// <summary>Owners are kept in short form, so a team written as <c>group:x</c> is compared as <c>x</c>.</summary>
    internal static string TeamKey(string team) => EntityRefs.Normalize(team, EntityKinds.Group);

    private static bool SameTeam(string team, string owner) => string.Equals(TeamKey(team), owner, StringComparison.OrdinalIgnoreCase);

    private static bool Holds(IReadOnlyList<string>? allowed, string? value) =>
        allowed is null || (value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase));
}
