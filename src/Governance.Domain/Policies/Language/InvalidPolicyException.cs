namespace Governance.Domain.Policies;

/// <summary>A policy built in code that breaks a rule of the language; a policy loaded from files has been checked already.</summary>
public sealed class InvalidPolicyException(string policyId, string problem) : Exception($"policy '{policyId}': {problem}")
{
    public string PolicyId { get; } = policyId;

    public string Problem { get; } = problem;
}
