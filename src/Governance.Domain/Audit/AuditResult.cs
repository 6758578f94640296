namespace Governance.Domain.Audit;

/// <summary>What one evaluation of the fleet found: a profile for every service that has at least one trait.</summary>
public sealed record AuditResult(DateTimeOffset At, string PolicySetHash, int PoliciesEvaluated, int ServicesAudited, IReadOnlyList<RiskProfile> Profiles);

/// <summary>A trait on a service: what audit diffs compare.</summary>
public readonly record struct FindingKey(string ServiceId, string PolicyId);

/// <summary>How one audit differs from the one before: traits that appeared, that went away, and that stayed.</summary>
public sealed record AuditDiff(IReadOnlyList<FindingKey> New, IReadOnlyList<FindingKey> Resolved, IReadOnlyList<FindingKey> Unchanged)
{
    /// <summary>The diff from <paramref name="previous"/> (empty for the first audit) to <paramref name="current"/>.</summary>
    public static AuditDiff Between(IEnumerable<FindingKey> previous, IEnumerable<FindingKey> current)
    {
        var before = previous.ToHashSet();
        var now = current.ToHashSet();
        return new AuditDiff(Sorted(now.Except(before)), Sorted(before.Except(now)), Sorted(now.Intersect(before)));
    }

    private static IReadOnlyList<FindingKey> Sorted(IEnumerable<FindingKey> keys) =>
        [.. keys.OrderBy(key => key.ServiceId, StringComparer.Ordinal).ThenBy(key => key.PolicyId, StringComparer.Ordinal)];
}
