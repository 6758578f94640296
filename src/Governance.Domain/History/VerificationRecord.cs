namespace Governance.Domain.History;

/// <summary>
/// A verification as it is recorded and reported: figures and the problems as lines a person reads. The store keeps one per
/// verification; <c>GET /api/history/verify</c> answers with the latest without recomputing.
/// </summary>
public sealed record VerificationRecord(
    DateTimeOffset VerifiedAt,
    VerificationScope Scope,
    bool IsIntact,
    long FromSequence,
    HistoryHead Head,
    long EntriesChecked,
    long StatesChecked,
    long StatesNotCovered,
    long ProblemCount,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed);
