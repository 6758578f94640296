using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Tests.Serialization;

/// <summary>A state and an entity with every property set to something other than its default, nested ones included.</summary>
internal static class FullSamples
{
    public static ServiceState State { get; } = new(new ServiceProfile("checkout", "Checkout \"Zürich\" ✓")
    {
        Kind = "resource",
        Type = "service",
        Description = "Takes the order; a description longer than any shared name, so it is read as it is and never pooled.",
        Owner = "team-payments",
        Tier = 0,
        Lifecycle = "production",
        System = "storefront",
        Products = ["shop", "app"],
        Tags = ["java", "pci"],
        ProvidesApis = ["checkout-api"],
        DependencyOf = ["web"],
        Repository = "https://git.example.com/payments/checkout",
        Runbook = "https://runbooks.example.com/checkout",
        OnCall = "payments-primary",

        Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a/b"] = "1", ["x"] = "line\nbreak" },
    })
    {
        Footprint = new Footprint(12, 3, 2, 1),
        DataStores = [new DataStore("orders", "postgres", AvailabilityPrimitive.ZoneReplicatedDatabase) { UnitOfFailureOverride = UnitOfFailure.Zone }],
        Facts = new OperationalFacts
        {
            Autoscaling = new Autoscaling(true) { ReactionSeconds = 90, MinInstances = 3, MaxInstances = 30 },
            Failover = new Failover(FailoverMechanism.Automatic) { LastExercised = new DateOnly(2026, 5, 1) },
            ManualDeploySteps = 2,
            ManualRunbookSteps = 4,
            Environments = [DeploymentEnvironment.Staging, DeploymentEnvironment.Production],
            PerformanceTestEnvironments = [DeploymentEnvironment.Staging],
            LearningModeLaunches = true,
            TracingCoveragePercent = 75,
            PerCustomerSlaAlerting = true,
            LastChaosExperiment = new DateOnly(2026, 9, 30),
            LastGameDay = new DateOnly(2026, 8, 15),
            LastDrTest = new DateOnly(2026, 2, 28),
        },
        Dependencies =
        [
            new Dependency("api:payments-api")
            {
                CriticalPath = false,
                Synchronous = false,
                TimeoutMs = 800,
                ClientCache = true,
                GracefulDegradation = true,
                Retries = 2,
                CircuitBreaker = true,
            },
        ],
        RemediationItems =
        [
            new RemediationItem("CHK-1", "Cache the tax tables")
            {
                Description = "So a tax outage does not stop checkout",
                Programme = "INC-2021-02-26",
                Owner = "team-payments",
                Priority = Priority.High,
                Status = RemediationStatus.Done,
                OpenedOn = new DateOnly(2021, 3, 1),
                TargetQuarter = new Quarter(2021, 2),
                Eta = new DateOnly(2021, 6, 1),
                CompletedAt = new DateTimeOffset(2021, 5, 20, 10, 0, 0, TimeSpan.Zero),
                OverdueRecordedAt = new DateTimeOffset(2021, 5, 1, 0, 5, 0, TimeSpan.Zero),
                CustomerFacing = "Checkout keeps working when tax calculation is down.",
                CustomerRestricted = true,
            },
        ],
        // Every property set, so not a waiver the rules would make: a rejected one with an approver and a grant time.
        Waivers =
        [
            new Waiver("single-region", "Second region in Q1", "cto", new DateOnly(2027, 3, 31))
            {
                Status = WaiverStatus.Rejected,
                RequestedBy = "user:sam",
                RequestedAt = new DateTimeOffset(2026, 10, 30, 8, 0, 0, TimeSpan.Zero),
                DecidedBy = "user:cto",
                DecidedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
                DecisionReason = "Not before the DR test",
                ExpiryRecordedAt = new DateTimeOffset(2027, 4, 1, 0, 5, 0, TimeSpan.Zero),
                GrantedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            },
        ],
    };

    public static CatalogEntity Entity { get; } = new("group", "team-payments", "Payments")
    {
        Description = "Owns checkout and billing",
        Owner = "org-commerce",
        Parent = "commerce",
        Type = "team",
        Email = "payments@example.com",
        MemberOf = ["commerce"],
        Tags = ["tier-0-owner"],
    };
}
