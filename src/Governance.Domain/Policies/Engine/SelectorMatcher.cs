using Governance.Domain.Catalog;

namespace Governance.Domain.Policies;

/// <summary>A <see cref="PolicySelector"/> compiled to sets, so that choosing a service's policies costs a few lookups.</summary>
internal sealed class SelectorMatcher
{
    private readonly bool[]? _tiers;
    private readonly HashSet<string>? _lifecycles;
    private readonly HashSet<string>? _teams;
    private readonly HashSet<string>? _tags;
    private readonly HashSet<string>? _kinds;

    public SelectorMatcher(PolicySelector selector)
    {
        if (selector.Tiers is { } tiers)
        {
            _tiers = new bool[ServiceProfile.LeastCriticalTier + 1];
            foreach (var tier in tiers.Where(tier => tier is >= ServiceProfile.MostCriticalTier and <= ServiceProfile.LeastCriticalTier))
            {
                _tiers[tier] = true;
            }
        }

        _lifecycles = Set(selector.Lifecycles);
        _teams = Set(selector.Teams?.Select(PolicySelector.TeamKey));
        _tags = Set(selector.Tags);
        _kinds = Set(selector.Kinds);
    }

    public bool Matches(ServiceProfile profile) =>
        (_tiers is null || (profile.Tier is int tier && tier >= 0 && tier < _tiers.Length && _tiers[tier]))
        && Holds(_lifecycles, profile.Lifecycle)
        && Holds(_teams, profile.Owner)
        && Holds(_kinds, profile.Kind)
        && (_tags is null || AnyTag(profile.Tags));

    private static HashSet<string>? Set(IEnumerable<string>? values) => values?.ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static bool Holds(HashSet<string>? allowed, string? value) => allowed is null || (value is not null && allowed.Contains(value));

    private bool AnyTag(IReadOnlyList<string> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (_tags!.Contains(tags[i]))
            {
                return true;
            }
        }

        return false;
    }
}
