using Governance.Domain.Audit;

namespace Governance.Grains.Contracts;

/// <summary>
/// A service's risk profile re-evaluated by its grain: against <see cref="PolicySetHash"/>, with the graph facts of audit
/// run <see cref="GraphRunId"/> (null before any audit, or for a service newer than the latest one), for state
/// <see cref="StateVersion"/> changed at <see cref="ChangedAt"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceRisks(
    [property: Id(0)] RiskProfile Profile,
    [property: Id(1)] long StateVersion,
    [property: Id(2)] DateTimeOffset ChangedAt,
    [property: Id(3)] DateTimeOffset EvaluatedAt,
    [property: Id(4)] long? GraphRunId,
    [property: Id(5)] string PolicySetHash);
