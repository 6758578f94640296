using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;
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

    public static AuditResult Result(DateTimeOffset at, params RiskProfile[] profiles) => new(at, PolicySet, 7, Audited.Count, profiles);

    /// <summary>The 40 services a <see cref="Result"/> audited: <c>svc-00</c> … <c>svc-39</c>.</summary>
    public static IReadOnlyList<ServiceState> Audited { get; } = [.. Enumerable.Range(0, 40).Select(i => new ServiceState(new ServiceProfile($"svc-{i:D2}", $"Service {i}")))];

    /// <summary>The graph facts of <see cref="Audited"/>: every value differs from its neighbours, and every fifth service has no RTO, inbound timeout or cycle.</summary>
    public static IReadOnlyList<GraphFacts> Graph { get; } = [.. Enumerable.Range(0, 40).Select(Facts)];

    public static GraphFacts Facts(int i) => new(
        FanIn: i,
        FanOut: i + 1,
        TransitiveFanIn: i + 2,
        TransitiveFanOut: i + 3,
        CriticalFanIn: i + 4,
        CriticalFanInTier0: i + 5,
        BlastRadiusServices: i + 6,
        BlastRadiusProducts: i + 7,
        AllowedRtoMinutes: i % 5 == 0 ? null : 60 * i,
        InCycle: i % 5 != 0,
        DanglingDependencies: i + 8,
        DeprecatedDependencies: i + 9,
        MinInboundTimeoutMs: i % 5 == 0 ? null : 100 * i);

    public static TraitFinding Trait(string policy) => new(
        policy,
        $"Title of {policy}",
        PolicyCategory.UnitsOfFailure,
        policy.StartsWith("critical", StringComparison.Ordinal) ? Severity.Critical : Severity.Medium,
        [new Evidence("exposure", "zone"), new Evidence("edge.timeoutMs", "5000", "api:identity-api")]);
}
