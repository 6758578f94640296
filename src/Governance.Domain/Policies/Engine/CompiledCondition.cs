using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>
/// A condition compiled to two delegates: <see cref="Test"/>, the fast path every service goes through, and
/// <see cref="Explain"/>, which evaluates again and records the evidence, run only for a trait that <see cref="Test"/> found.
/// </summary>
internal sealed record CompiledCondition(Func<FactContext, bool> Test, Func<FactContext, List<Evidence>, bool> Explain);

/// <summary>Keeps, of the evidence several parts of a condition recorded, the parts that explain the outcome.</summary>
internal static class EvidenceParts
{
    /// <summary>Removes every part whose outcome differs from <paramref name="keep"/>; a part runs from its start to the next part's.</summary>
    public static void Keep(List<Evidence> evidence, List<(int Start, bool Outcome)> parts, bool keep)
    {
        var end = evidence.Count;
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var (start, outcome) = parts[i];
            if (outcome != keep)
            {
                evidence.RemoveRange(start, end - start);
            }

            end = start;
        }
    }
}

/// <summary>A policy built in code that breaks a rule of the language; a policy loaded from files has been checked already.</summary>
public sealed class InvalidPolicyException(string policyId, string problem) : Exception($"policy '{policyId}': {problem}")
{
    public string PolicyId { get; } = policyId;

    public string Problem { get; } = problem;
}
