using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;

namespace Governance.Storage.Tests.Support;

/// <summary>Builds the audit results the tests record.</summary>
public static class AuditSamples
{
    public const string PolicySet = "sha256:policy-set-1";

    /// <summary>A profile with one trait per policy, each with evidence; the first trait of <c>waived</c> profiles carries a waiver.</summary>
    public static RiskProfile Profile(string serviceId, params string[] policies) => new(serviceId, [.. policies.Select(Trait)]);

    public static RiskProfile Waived(string serviceId, string policy) => new(serviceId,
    [
        Trait(policy) with { Waiver = new Waiver(policy, "Replaced next quarter", "carol", new DateOnly(2025, 9, 30)) { GrantedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero) } },
    ]);

    public static AuditResult Result(DateTimeOffset at, params RiskProfile[] profiles) => new(at, PolicySet, 7, 40, profiles);

    public static TraitFinding Trait(string policy) => new(
        policy,
        $"Title of {policy}",
        PolicyCategory.UnitsOfFailure,
        policy.StartsWith("critical", StringComparison.Ordinal) ? Severity.Critical : Severity.Medium,
        [new Evidence("exposure", "zone"), new Evidence("edge.timeoutMs", "5000", "api:identity-api")]);
}
