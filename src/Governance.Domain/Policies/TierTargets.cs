using Governance.Domain.Catalog;

namespace Governance.Domain.Policies;

/// <summary>What a tier promises: how fast it recovers (RTO), how much data it may lose (RPO), and what it must survive.</summary>
public sealed record TierTarget(int Tier, int RtoMinutes, int RpoMinutes, UnitOfFailure MustSurvive);

/// <summary>The targets of every tier, 0 to 3: policy data, loaded with the policies.</summary>
public sealed record TierTargets(IReadOnlyList<TierTarget> Tiers)
{
    /// <summary>The target of <paramref name="tier"/>; null for an unclassified service.</summary>
    public TierTarget? For(int? tier) => tier is null ? null : Tiers.FirstOrDefault(target => target.Tier == tier);
}
