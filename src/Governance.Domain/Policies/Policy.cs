namespace Governance.Domain.Policies;

/// <summary>A risk trait: one known way to fail, which services have it, why it matters and the usual fix.</summary>
public sealed record Policy(
    string Id,
    string Title,
    PolicyCategory Category,
    Severity Severity,
    string Rationale,
    string Fix,
    PolicySelector AppliesTo,
    Condition When)
{
    /// <summary>Where the policy is written; null for a policy built in code.</summary>
    public PolicySource? Source { get; init; }
}

/// <summary>A place in a policy file; line and column count from 1.</summary>
public sealed record PolicySource(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
