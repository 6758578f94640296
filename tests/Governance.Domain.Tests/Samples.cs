using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
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

    /// <summary>Who asks in these tests; waivers are approved by someone else.</summary>
    public const string Actor = "user:sam";

    /// <summary>A policy set with one policy, <c>single-region</c>, and waivers of at most 365 days.</summary>
    public static readonly PolicySet Policies = new(
        [new Policy("single-region", "Single region", PolicyCategory.UnitsOfFailure, Severity.High, "r", "f", PolicySelector.All, new PresenceCondition("footprint.regions", true))],
        new TierTargets([]),
        "hash");

    public static readonly CommandContext Context = new(Actor, Now) { Policies = Policies };

    public static ServiceState Created(DefineService define) =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Decide(null, define)).State;

    /// <summary>Decides <paramref name="command"/> as sent to the service it is about: the definition's id, else the state's.</summary>
    public static CommandOutcome<ServiceState> Decide(ServiceState? state, ServiceCommand command, CommandContext? context = null) =>
        ServiceAggregate.Decide(command is DefineService define ? define.Profile.Id : state?.Id ?? "api", state, command, context ?? Context);
}
