using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;

namespace Governance.Domain.Tests;

/// <summary>Small, valid building blocks for tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static ServiceProfile Profile(string id, int? tier = 1, string? owner = "team-a") =>
        new(id, id.ToUpperInvariant()) { Tier = tier, Owner = owner, Lifecycle = "production" };

    public static ServiceState Service(string id, params Dependency[] dependencies) =>
        new(Profile(id)) { Dependencies = dependencies };

    public static RemediationItem Item(string id, RemediationStatus status = RemediationStatus.Open, string? programme = "INC-1") =>
        new(id, $"Fix {id}")
        {
            Programme = programme,
            Status = status,
            OpenedOn = new DateOnly(2021, 2, 27),
            CompletedAt = status == RemediationStatus.Done ? new DateTimeOffset(2021, 3, 15, 0, 0, 0, TimeSpan.Zero) : null,
        };

    public static ServiceState Created(DefineService define) =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(null, define, Now)).State;
}
