namespace Governance.Domain.Catalog;

/// <summary>The four environments a change moves through (seed 004).</summary>
public enum DeploymentEnvironment
{
    Development,
    Integration,
    Staging,
    Production,
}

/// <summary>How a service fails over when its primary fails.</summary>
public enum FailoverMechanism
{
    None,
    Manual,
    Automatic,
}

/// <summary>Whether and how fast the service adds capacity under load (seed 002: more aggressive auto-scaling).</summary>
public sealed record Autoscaling(bool Enabled)
{
    /// <summary>Seconds from a load spike to new capacity serving traffic.</summary>
    public int? ReactionSeconds { get; init; }

    public int? MinInstances { get; init; }

    public int? MaxInstances { get; init; }
}

/// <summary>The failover mechanism and when it was last exercised for real.</summary>
public sealed record Failover(FailoverMechanism Mechanism)
{
    public DateOnly? LastExercised { get; init; }
}

/// <summary>What is known of how the service is run. A null fact is unknown, which is not the same as false.</summary>
public sealed record OperationalFacts
{
    public static readonly OperationalFacts Unknown = new();

    public Autoscaling? Autoscaling { get; init; }

    public Failover? Failover { get; init; }

    /// <summary>Manual steps in a deploy; zero means fully automated.</summary>
    public int? ManualDeploySteps { get; init; }

    /// <summary>Manual steps in the on-call runbook to restore or scale the service.</summary>
    public int? ManualRunbookSteps { get; init; }

    public IReadOnlyList<DeploymentEnvironment> Environments { get; init; } = [];

    /// <summary>Environments where performance tests run before production.</summary>
    public IReadOnlyList<DeploymentEnvironment> PerformanceTestEnvironments { get; init; } = [];

    /// <summary>New features launch in learning mode first: full pipeline with a no-op at the end (seed 004).</summary>
    public bool? LearningModeLaunches { get; init; }

    /// <summary>Share of requests traced end to end, in percent (seed 000).</summary>
    public int? TracingCoveragePercent { get; init; }

    /// <summary>Alerts fire on one customer's SLA, not only on fleet-wide averages (seed 000).</summary>
    public bool? PerCustomerSlaAlerting { get; init; }

    public DateOnly? LastChaosExperiment { get; init; }

    public DateOnly? LastGameDay { get; init; }

    public DateOnly? LastDrTest { get; init; }

    /// <summary>Checks ranges of the numeric facts.</summary>
    public IEnumerable<FieldError> Validate(string path)
    {
        if (TracingCoveragePercent is < 0 or > 100)
        {
            yield return new FieldError($"{path}.tracingCoveragePercent", $"must be between 0 and 100, was {TracingCoveragePercent}");
        }

        foreach (var (name, value) in new[] { ("manualDeploySteps", ManualDeploySteps), ("manualRunbookSteps", ManualRunbookSteps) })
        {
            if (value < 0)
            {
                yield return new FieldError($"{path}.{name}", $"cannot be negative, was {value}");
            }
        }

        if (Autoscaling is { } scaling)
        {
            if (scaling.ReactionSeconds < 0)
            {
                yield return new FieldError($"{path}.autoscaling.reactionSeconds", $"cannot be negative, was {scaling.ReactionSeconds}");
            }

            if (scaling.MinInstances > scaling.MaxInstances)
            {
                yield return new FieldError($"{path}.autoscaling.minInstances", $"cannot exceed maxInstances ({scaling.MaxInstances}), was {scaling.MinInstances}");
            }
        }
    }
}
