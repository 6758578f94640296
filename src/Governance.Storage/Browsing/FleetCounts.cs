using Governance.Domain.Catalog;

namespace Governance.Storage.Browsing;

/// <summary>How many services have one tier and one exposure; null is unclassified, or a footprint not yet known.</summary>
public sealed record TierExposureCount(int? Tier, UnitOfFailure? Exposure, int Services);

/// <summary>
/// The remediation items of one team (the owner of their service) or one programme, null when none is named: how many there
/// are, done, in flight (open or in progress), won't do, and overdue (in flight and due before today).
/// </summary>
public sealed record RemediationTally(string? Name, int Items, int Done, int InFlight, int WontDo, int Overdue);

/// <summary>Every remediation item counted by team and by programme, ordered by name (null first).</summary>
public sealed record RemediationTallies(IReadOnlyList<RemediationTally> ByTeam, IReadOnlyList<RemediationTally> ByProgramme);
