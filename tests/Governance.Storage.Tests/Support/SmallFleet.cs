using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Storage.Audits;
using Governance.Storage.Browsing;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// Seven services, written down so that tests can state what every list and count of them is. Six are audited by one run
/// (<see cref="LoadAsync"/>); <c>newcomer</c> arrives after it.
/// <code>
/// id          name            team           tier lifecycle    exposure  run: score level    items (today 2025-04-01)
/// batch_jobs  Batch 50% Jobs  team-data      2    production   region    0 none (waived)     -
/// billing     Billing Ledger  team-payments  0    production   host      10 high             B-1 open, overdue; B-2 done (INC-1)
/// checkout    Checkout API    team-payments  1    production   region    4 medium            C-1 in progress, due 2025-06-30 (INC-1)
/// flags       Atlas Flags     team-platform  0    production   none      20 critical         F-1 won't do, due 2025-03-31
/// newcomer    Newcomer        -              -    experimental unknown   not audited         -
/// reports     Reports 500     team-data      3    deprecated   zone      2 low               -
/// wiki        Wiki            team-data      3    production   region    0 none (no profile) -
/// </code>
/// Critical-path callers at the run: flags 6, billing 2, checkout 2, the others none.
/// </summary>
public static class SmallFleet
{
    public static readonly DateOnly Today = new(2025, 4, 1);

    public static IReadOnlyList<string> Audited { get; } = ["batch_jobs", "billing", "checkout", "flags", "reports", "wiki"];

    /// <summary>Every service as a list shows it after <see cref="LoadAsync"/>, by id.</summary>
    public static IReadOnlyDictionary<string, ServiceListing> Listings { get; } = new Dictionary<string, ServiceListing>
    {
        ["batch_jobs"] = new("batch_jobs", "Batch 50% Jobs", "team-data", 2, "production", UnitOfFailure.Region, new RunRisk(0, RiskLevel.None), 0),
        ["billing"] = new("billing", "Billing Ledger", "team-payments", 0, "production", UnitOfFailure.Host, new RunRisk(10, RiskLevel.High), 1),
        ["checkout"] = new("checkout", "Checkout API", "team-payments", 1, "production", UnitOfFailure.Region, new RunRisk(4, RiskLevel.Medium), 1),
        ["flags"] = new("flags", "Atlas Flags", "team-platform", 0, "production", UnitOfFailure.None, new RunRisk(20, RiskLevel.Critical), 0),
        ["newcomer"] = new("newcomer", "Newcomer", null, null, "experimental", null, null, 0),
        ["reports"] = new("reports", "Reports 500", "team-data", 3, "deprecated", UnitOfFailure.Zone, new RunRisk(2, RiskLevel.Low), 0),
        ["wiki"] = new("wiki", "Wiki", "team-data", 3, "production", UnitOfFailure.Region, new RunRisk(0, RiskLevel.None), 0),
    };

    /// <summary>The run's services by tier and level.</summary>
    public static IReadOnlyList<TierRiskCount> RiskByTier { get; } =
    [
        new(0, RiskLevel.High, 1),
        new(0, RiskLevel.Critical, 1),
        new(1, RiskLevel.Medium, 1),
        new(2, RiskLevel.None, 1),
        new(3, RiskLevel.None, 1),
        new(3, RiskLevel.Low, 1),
    ];

    /// <summary>The items by team on <see cref="Today"/>: B-1 is overdue.</summary>
    public static IReadOnlyList<RemediationTally> ItemsByTeam { get; } = [new("team-payments", 3, 1, 2, 0, 1), new("team-platform", 1, 0, 0, 1, 0)];

    /// <summary>The items by programme on <see cref="Today"/>; F-1 has none.</summary>
    public static IReadOnlyList<RemediationTally> ItemsByProgramme { get; } = [new(null, 1, 0, 0, 1, 0), new("INC-1", 3, 1, 2, 0, 1)];

    /// <summary>Imports the six audited services, records a run that audited them, then adds <c>newcomer</c>; returns the run's id.</summary>
    public static async Task<long> LoadAsync(GovernanceStore store, DateTimeOffset auditedAt)
    {
        await store.ApplyBatchAsync(new CatalogBatch([.. Definitions()], []), "importer");
        var runId = await store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await store.Audits.CompleteAuditAsync(runId, Result(auditedAt), Audited, [.. Audited.Select(Facts)]);
        await store.ExecuteAsync("newcomer", new DefineService(new ServiceProfile("newcomer", "Newcomer") { Lifecycle = "experimental" }), "alice");
        return runId;
    }

    /// <summary>What the run found: flags 20 (critical), billing 10 (high), checkout 4 (medium), reports 2 (low), batch_jobs waived (0).</summary>
    public static AuditResult Result(DateTimeOffset at) => new(at, AuditSamples.PolicySet, 7, Audited.Count,
    [
        AuditSamples.Profile("flags", "critical-path-hub", "critical-no-timeout"),
        AuditSamples.Profile("billing", "critical-single-host"),
        AuditSamples.Profile("checkout", "no-runbook", "single-zone"),
        AuditSamples.Profile("reports", "stale-dr-test"),
        AuditSamples.Waived("batch_jobs", "no-runbook"),
    ]);

    public static IEnumerable<DefineService> Definitions()
    {
        yield return Define("batch_jobs", "Batch 50% Jobs", "team-data", 2, "production", new Footprint(4, 2, 1, 1));
        yield return Define("billing", "Billing Ledger", "team-payments", 0, "production", new Footprint(1, 1, 1, 1)) with
        {
            RemediationItems =
            [
                Item("B-1", "INC-1", RemediationStatus.Open) with { Eta = new DateOnly(2025, 3, 31) },
                Item("B-2", "INC-1", RemediationStatus.Done) with { CompletedAt = new DateTimeOffset(2025, 2, 1, 12, 0, 0, TimeSpan.Zero) },
            ],
        };
        yield return Define("checkout", "Checkout API", "team-payments", 1, "production", new Footprint(6, 3, 1, 1)) with
        {
            RemediationItems = [Item("C-1", "INC-1", RemediationStatus.InProgress) with { TargetQuarter = new Quarter(2025, 2) }],
        };
        yield return Define("flags", "Atlas Flags", "team-platform", 0, "production", new Footprint(9, 3, 3, 2)) with
        {
            RemediationItems = [Item("F-1", null, RemediationStatus.WontDo) with { TargetQuarter = new Quarter(2025, 1) }],
        };
        yield return Define("reports", "Reports 500", "team-data", 3, "deprecated", new Footprint(3, 1, 1, 1));
        yield return Define("wiki", "Wiki", "team-data", 3, "production", new Footprint(2, 2, 1, 1));
    }

    public static DefineService Define(string id, string name, string? owner, int? tier, string lifecycle, Footprint? footprint) =>
        new(new ServiceProfile(id, name) { Owner = owner, Tier = tier, Lifecycle = lifecycle }) { Footprint = footprint };

    private static RemediationItem Item(string id, string? programme, RemediationStatus status) =>
        new(id, $"Fix {id}") { Programme = programme, Status = status, OpenedOn = new DateOnly(2025, 1, 10) };

    private static Domain.Graph.GraphFacts Facts(string serviceId, int index) => AuditSamples.Facts(index) with
    {
        CriticalFanIn = serviceId switch
        {
            "flags" => 6,
            "billing" or "checkout" => 2,
            _ => 0,
        },
    };
}
