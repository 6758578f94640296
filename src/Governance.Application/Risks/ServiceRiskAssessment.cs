using Governance.Domain.Audit;

namespace Governance.Application.Risks;

/// <summary>One service's risk profile as evaluated at <see cref="EvaluatedAt"/>, with the audit run whose graph facts it used (null: none).</summary>
public sealed record ServiceRiskAssessment(RiskProfile Profile, DateTimeOffset EvaluatedAt, long? GraphRunId);
