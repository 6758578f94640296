using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Identity;
using Governance.Domain.Remediation;
using Governance.Grains.Contracts;

namespace Governance.Server.Services;

/// <summary>A service at one version: the body of a read and of every write's answer; the version is also the ETag.</summary>
public sealed record ServiceResponse(long Version, DateTimeOffset UpdatedAt, ServiceState State)
{
    public static ServiceResponse Of(ServiceSnapshot snapshot) => new(snapshot.Version, snapshot.UpdatedAt, snapshot.State);

    /// <summary>The service as <paramref name="reader"/> may read it (see <see cref="CustomerRestriction"/>).</summary>
    public static ServiceResponse For(Account reader, ServiceSnapshot snapshot) => new(snapshot.Version, snapshot.UpdatedAt, CustomerRestriction.For(reader, snapshot.State));
}

/// <summary>A service's risks as its grain last evaluated them, for state version <see cref="StateVersion"/>.</summary>
public sealed record ServiceRisksResponse(
    RiskProfile Profile,
    int Score,
    RiskLevel Level,
    long StateVersion,
    DateTimeOffset ChangedAt,
    DateTimeOffset EvaluatedAt,
    long? GraphRunId,
    string PolicySetHash)
{
    public static ServiceRisksResponse Of(ServiceRisks risks) =>
        new(risks.Profile, risks.Profile.Score, risks.Profile.Level, risks.StateVersion, risks.ChangedAt, risks.EvaluatedAt, risks.GraphRunId, risks.PolicySetHash);
}

/// <summary>
/// A waiver requested by the actor: the trait (a policy id), why, and the last day it would apply. It counts once someone
/// else approves it; the service's waivers show each one's status, requester, decider and reason.
/// </summary>
public sealed record WaiverRequest(string? TraitId, string? Justification, DateOnly? Expires);

/// <summary>Why a requested waiver is approved (optional) or rejected (required).</summary>
public sealed record WaiverDecision(string? Reason);

/// <summary>A change to a remediation item: the fields given change, the others stay.</summary>
public sealed record RemediationItemChange(RemediationStatus? Status, string? Owner, DateOnly? Eta);
