using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>One-off similar-service queries; build a <see cref="SimilarityIndex"/> once to ask many.</summary>
public static class SimilarServices
{
    /// <summary>The services that share most risk traits with <paramref name="serviceId"/>, best first.</summary>
    public static IReadOnlyList<SimilarService> Rank(AuditResult result, string serviceId, int limit) =>
        SimilarityIndex.Build(result).Rank(serviceId, limit);

    /// <summary>The services that share most of <paramref name="traitIds"/>, best first.</summary>
    public static IReadOnlyList<SimilarService> RankByTraits(AuditResult result, IReadOnlyCollection<string> traitIds, int limit) =>
        SimilarityIndex.Build(result).RankByTraits(traitIds, limit);
}
