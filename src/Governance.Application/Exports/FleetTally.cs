using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Application.Exports;

/// <summary>One remediation item with the service it belongs to.</summary>
internal sealed record ItemRow(string ServiceId, string? Team, RemediationItem Item);

/// <summary>One waiver, or waiver request, with the service it belongs to.</summary>
internal sealed record WaiverRow(string ServiceId, string? Team, Waiver Waiver);

/// <summary>The remediation items of one programme (null: none named): how many, done, in flight, won't do and late.</summary>
internal sealed record ProgrammeTally(string? Programme, int Items, int Done, int InFlight, int WontDo, int Late);

/// <summary>
/// What the export counts while its rows go by, for the Summary sheet, and the fleet's remediation items and waivers, kept
/// from the one read of the services until their sheets are written (a few per service at most, against the states themselves).
/// </summary>
internal sealed class FleetTally(DateOnly today)
{
    private readonly Dictionary<RiskLevel, int> _levels = [];

    /// <summary>The day the export counts lateness and expiry against (UTC).</summary>
    public DateOnly Today { get; } = today;

    public int Services { get; private set; }

    /// <summary>Services the audit run audited (the others are newer than it).</summary>
    public int Audited { get; private set; }

    /// <summary>The (service, trait) findings of the run, and how many of them a waiver excused when it ran.</summary>
    public long Findings { get; private set; }

    public long WaivedFindings { get; private set; }

    public List<ItemRow> Items { get; } = [];

    public List<WaiverRow> Waivers { get; } = [];

    /// <summary>An outstanding item is late from the day after it is due.</summary>
    public bool IsLate(RemediationItem item) => item.IsOutstanding && item.DueOn is { } due && due < Today;

    /// <summary>An approved waiver past its last day no longer applies.</summary>
    public string WaiverStatus(Waiver waiver) => waiver.IsApproved && !waiver.AppliesOn(Today)
        ? "expired"
        : Domain.Serialization.KebabNames<WaiverStatus>.Of(waiver.Status);

    public void AddService(ServiceState state, int? score)
    {
        Services++;
        if (score is { } counted)
        {
            Audited++;
            var level = RiskProfile.LevelOf(counted);
            _levels[level] = _levels.GetValueOrDefault(level) + 1;
        }

        Items.AddRange(state.RemediationItems.Select(item => new ItemRow(state.Id, state.Profile.Owner, item)));
        Waivers.AddRange(state.Waivers.Select(waiver => new WaiverRow(state.Id, state.Profile.Owner, waiver)));
    }

    public void AddFinding(TraitFinding finding)
    {
        Findings++;
        if (finding.IsWaived)
        {
            WaivedFindings++;
        }
    }

    /// <summary>How many audited services are at <paramref name="level"/>.</summary>
    public int AtLevel(RiskLevel level) => _levels.GetValueOrDefault(level);

    /// <summary>The items by programme, ordered by name (none named last).</summary>
    public IReadOnlyList<ProgrammeTally> Programmes() =>
    [
        .. Items
            .GroupBy(row => row.Item.Programme, StringComparer.Ordinal)
            .OrderBy(group => group.Key is null)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Tally(group.Key, group.Select(row => row.Item))),
    ];

    /// <summary>Every item, whatever its programme.</summary>
    public ProgrammeTally AllItems() => Tally(null, Items.Select(row => row.Item));

    private ProgrammeTally Tally(string? programme, IEnumerable<RemediationItem> items)
    {
        int count = 0, done = 0, inFlight = 0, wontDo = 0, late = 0;
        foreach (var item in items)
        {
            count++;
            done += item.Status == RemediationStatus.Done ? 1 : 0;
            inFlight += item.IsOutstanding ? 1 : 0;
            wontDo += item.Status == RemediationStatus.WontDo ? 1 : 0;
            late += IsLate(item) ? 1 : 0;
        }

        return new ProgrammeTally(programme, count, done, inFlight, wontDo, late);
    }
}
