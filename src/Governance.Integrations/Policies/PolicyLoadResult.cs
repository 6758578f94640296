using Governance.Domain.Policies;

namespace Governance.Integrations.Policies;

/// <summary>What loading policy files gave: the set when every file was valid, else every error; and the files read, in order.</summary>
public sealed record PolicyLoadResult(PolicySet? Set, IReadOnlyList<PolicyProblem> Errors, IReadOnlyList<string> Files)
{
    public bool Succeeded => Set is not null;

    /// <summary>The set, compiled; null when it did not load.</summary>
    public PolicyEngine? Engine { get; init; }
}

/// <summary>One thing wrong in a policy file; line and column count from 1.</summary>
public sealed record PolicyProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
