using Governance.Domain.Audit;
using Governance.Domain.Graph;

namespace Governance.Storage.Audits;

/// <summary>How many services a run found at one risk level among those of one tier (null: unclassified).</summary>
public sealed record TierRiskCount(int? Tier, RiskLevel Level, int Services);

/// <summary>
/// How many findings (service, trait) run <see cref="RunId"/> has that the succeeded run before it (<see cref="PreviousRunId"/>,
/// null for the first) did not, the reverse, and both: the counts of <see cref="AuditDiff"/>.
/// </summary>
public sealed record AuditRunChanges(long RunId, long? PreviousRunId, int New, int Resolved, int Unchanged);

/// <summary>A run's diff as a page shows it: its counts, and the first of the findings it found new and resolved, by service then policy.</summary>
public sealed record AuditRunChangeList(AuditRunChanges Counts, IReadOnlyList<FindingKey> FirstNew, IReadOnlyList<FindingKey> FirstResolved);

/// <summary>A service a run found risky, with its profile at that run and, as the store holds them now, its name, owning team and tier.</summary>
public sealed record RankedService(string ServiceId, string? Name, string? Team, int? Tier, RiskProfile Profile);

/// <summary>A service on the critical path of others, with its graph facts at one run and, as the store holds them now, its name and tier.</summary>
public sealed record CriticalPathHub(string ServiceId, string? Name, int? Tier, GraphFacts Facts);

/// <summary>A service's score and level at one succeeded run.</summary>
public sealed record RiskPoint(long RunId, DateTimeOffset AuditedAt, int Score, RiskLevel Level);
