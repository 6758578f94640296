namespace Governance.Domain.History;

/// <summary>How much of the history a verification recomputed.</summary>
public enum VerificationScope
{
    /// <summary>The whole chain, from its first entry.</summary>
    Full,

    /// <summary>The entries after the last intact verification's head (its checkpoint), or the whole chain when there is none.</summary>
    Incremental,
}

/// <summary>
/// One verification of the store: its hash chain (from <see cref="FromSequence"/>) and every current state against the history.
/// Intact when neither has a problem.
/// </summary>
public sealed record HistoryVerification(
    DateTimeOffset VerifiedAt,
    VerificationScope Scope,
    long FromSequence,
    ChainVerification Chain,
    StateVerification States,
    TimeSpan Elapsed)
{
    public bool IsIntact => Chain.IsIntact && States.IsIntact;

    /// <summary>The chain's first bad entry, when there is one.</summary>
    public ChainBreak? FirstBreak => Chain.FirstBreak;

    public long EntriesChecked => Chain.EntriesChecked;

    /// <summary>The head the chain reached.</summary>
    public HistoryHead Head => Chain.Head;

    /// <summary>The chain's break (if any) first, then the states that do not match.</summary>
    public VerificationRecord ToRecord() => new(
        VerifiedAt,
        Scope,
        IsIntact,
        FromSequence,
        Chain.Head,
        Chain.EntriesChecked,
        States.StatesChecked,
        States.StatesNotCovered,
        (Chain.IsIntact ? 0 : 1) + States.MismatchCount,
        [.. Chain.FirstBreak is { } chainBreak ? [chainBreak.ToString()] : Array.Empty<string>(), .. States.Mismatches.Select(mismatch => mismatch.ToString())],
        Elapsed);
}
