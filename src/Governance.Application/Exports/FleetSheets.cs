using Governance.Application.Exports.Xlsx;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;
using Governance.Storage.Exports;

namespace Governance.Application.Exports;

/// <summary>The workbook's data sheets: their columns, and one row per service, finding, remediation item and waiver.</summary>
internal static class FleetSheets
{
    public static readonly SheetColumn[] ServiceColumns =
    [
        new("Service", 30), new("Name", 32), new("Team", 24), new("Tier", 6), new("Lifecycle", 12), new("Exposure", 11),
        new("Risk score", 11), new("Level", 10), new("Open items", 11), new("Late items", 11),
    ];

    public static readonly SheetColumn[] RiskColumns =
    [
        new("Service", 30), new("Team", 24), new("Tier", 6), new("Policy", 34), new("Title", 50), new("Severity", 10),
        new("Waived", 9), new("Evidence", 90),
    ];

    public static readonly SheetColumn[] RemediationColumns =
    [
        new("Service", 30), new("Team", 24), new("Item", 12), new("Title", 46), new("Programme", 18), new("Owner", 18),
        new("Priority", 10), new("Status", 12), new("Opened", 11), new("ETA", 11), new("Target quarter", 15),
        new("Completed (UTC)", 17), new("Late", 7),
    ];

    public static readonly SheetColumn[] WaiverColumns =
    [
        new("Service", 30), new("Team", 24), new("Trait", 34), new("Status", 11), new("Requested by", 20),
        new("Approved or rejected by", 24), new("Reason", 50), new("Decision reason", 40), new("Expires", 11),
    ];

    /// <summary>One row per service, ordered by id; every service also goes to <paramref name="tally"/>.</summary>
    public static async Task WriteServicesAsync(SheetWriter sheet, FleetExportReader fleet, FleetTally tally, CancellationToken cancellationToken)
    {
        await foreach (var (state, score) in fleet.ReadServicesAsync(cancellationToken).ConfigureAwait(false))
        {
            tally.AddService(state, score);
            if (!sheet.TryBeginRow())
            {
                continue;
            }

            var profile = state.Profile;
            sheet.Text(state.Id);
            sheet.Text(profile.Name);
            sheet.Label(profile.Owner);
            sheet.Number(profile.Tier);
            sheet.Label(profile.Lifecycle);
            sheet.Label(state.Footprint is { } footprint ? KebabNames<UnitOfFailure>.Of(footprint.Exposure) : null);
            sheet.Number(score);
            sheet.Label(score is { } counted ? KebabNames<RiskLevel>.Of(RiskProfile.LevelOf(counted)) : null);
            sheet.Number(state.RemediationItems.Count(item => item.IsOutstanding));
            sheet.Number(state.RemediationItems.Count(tally.IsLate));
            sheet.EndRow();
        }
    }

    /// <summary>One row per (service, trait) the audit run found, by service id, then in the run's order.</summary>
    public static async Task WriteRisksAsync(SheetWriter sheet, FleetExportReader fleet, FleetTally tally, CancellationToken cancellationToken)
    {
        await foreach (var service in fleet.ReadFindingsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var finding in service.Traits)
            {
                tally.AddFinding(finding);
                if (!sheet.TryBeginRow())
                {
                    continue;
                }

                sheet.Text(service.ServiceId);
                sheet.Label(service.Team);
                sheet.Number(service.Tier);
                sheet.Label(finding.PolicyId);
                sheet.Label(finding.Title);
                sheet.Label(KebabNames<Severity>.Of(finding.Severity));
                sheet.Boolean(finding.IsWaived);
                sheet.Text(string.Join("; ", finding.Evidence.Select(evidence => evidence.ToString())));
                sheet.EndRow();
            }
        }
    }

    /// <summary>One row per remediation item, by service id, then item id.</summary>
    public static void WriteRemediation(SheetWriter sheet, FleetTally tally)
    {
        foreach (var (serviceId, team, item) in tally.Items)
        {
            if (!sheet.TryBeginRow())
            {
                continue;
            }

            sheet.Text(serviceId);
            sheet.Label(team);
            sheet.Text(item.Id);
            sheet.Text(item.Title);
            sheet.Label(item.Programme);
            sheet.Label(item.Owner);
            sheet.Label(KebabNames<Priority>.Of(item.Priority));
            sheet.Label(KebabNames<RemediationStatus>.Of(item.Status));
            sheet.Date(item.OpenedOn);
            sheet.Date(item.Eta);
            sheet.Label(item.TargetQuarter?.ToString());
            sheet.DateTime(item.CompletedAt);
            sheet.Boolean(tally.IsLate(item));
            sheet.EndRow();
        }
    }

    /// <summary>One row per waiver or request, by service id, then trait.</summary>
    public static void WriteWaivers(SheetWriter sheet, FleetTally tally)
    {
        foreach (var (serviceId, team, waiver) in tally.Waivers)
        {
            if (!sheet.TryBeginRow())
            {
                continue;
            }

            sheet.Text(serviceId);
            sheet.Label(team);
            sheet.Label(waiver.TraitId);
            sheet.Label(tally.WaiverStatus(waiver));
            sheet.Text(waiver.RequestedBy);

            // Waivers granted in one step, before requests existed, name only their approver.
            sheet.Text(waiver.DecidedBy ?? (waiver.IsApproved ? waiver.Approver : null));
            sheet.Text(waiver.Justification);
            sheet.Text(waiver.DecisionReason);
            sheet.Date(waiver.Expires);
            sheet.EndRow();
        }
    }
}
