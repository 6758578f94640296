using Governance.Domain.Audit;
using Governance.Domain.Graph;

namespace Governance.Storage.Audits;

/// <summary>Where an audit run is: running until it succeeds (its profiles become visible) or fails (it has none).</summary>
public enum AuditRunStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>One audit run as recorded: when and why it ran, against which policy set, and how it ended (<see cref="AuditedAt"/> is the result's own time).</summary>
public sealed record AuditRun(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Trigger,
    string PolicySetHash,
    AuditRunStatus Status,
    DateTimeOffset? AuditedAt,
    int? PoliciesEvaluated,
    int? ServicesAudited,
    int? Findings,
    string? Failure);

/// <summary>A succeeded run with everything it found: one profile per service with at least one trait, riskiest first (by score, then id), as the engine orders them.</summary>
public sealed record CompletedAudit(AuditRun Run, AuditResult Result);

/// <summary>How a succeeded run differs from the succeeded run before it (<see cref="PreviousRunId"/> is null for the first).</summary>
public sealed record AuditRunDiff(long RunId, long? PreviousRunId, AuditDiff Diff);

/// <summary>One service's graph facts as the latest succeeded run <see cref="RunId"/> computed them; <see cref="Facts"/> is null when that run did not audit the service.</summary>
public sealed record RunGraphFacts(long RunId, GraphFacts? Facts);
