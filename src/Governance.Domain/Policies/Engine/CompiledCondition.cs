using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>
/// A condition compiled to two delegates: <see cref="Test"/>, the fast path every service goes through, and
/// <see cref="Explain"/>, which evaluates again and records the evidence, run only for a trait that <see cref="Test"/> found.
/// Explaining uses the fast tests to find the parts that decided the outcome, and records only those.
/// </summary>
internal sealed record CompiledCondition(Func<FactContext, bool> Test, Func<FactContext, List<Evidence>, bool> Explain);

/// <summary>A policy built in code that breaks a rule of the language; a policy loaded from files has been checked already.</summary>
public sealed class InvalidPolicyException(string policyId, string problem) : Exception($"policy '{policyId}': {problem}")
{
    public string PolicyId { get; } = policyId;

    public string Problem { get; } = problem;
}
