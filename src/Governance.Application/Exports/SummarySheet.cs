using System.Globalization;
using Governance.Application.Exports.Xlsx;
using Governance.Domain.Audit;
using Governance.Domain.Serialization;
using Governance.Storage.Audits;

namespace Governance.Application.Exports;

/// <summary>
/// The Summary sheet, written last: when the workbook was exported and from which audit run, what the fleet adds up to,
/// remediation progress by programme, and how many rows each sheet holds, saying so when one did not fit.
/// </summary>
internal static class SummarySheet
{
    public static readonly SheetColumn[] Columns =
    [
        new("Item", 36), new("Value", 20), new(null, 10), new(null, 10), new(null, 10), new(null, 10), new(null, 11),
    ];

    /// <summary>Writes the summary; <paramref name="maxRows"/> is how many rows each sheet could hold, its header included.</summary>
    public static void Write(SheetWriter sheet, DateTimeOffset exportedAt, AuditRun? run, FleetTally tally, IReadOnlyList<WorkbookSheet> sheets, int maxRows)
    {
        Row(sheet, "Exported at (UTC)", row => row.DateTime(exportedAt));
        if (run is null)
        {
            Row(sheet, "Audit run", row => row.Text("none has succeeded yet: no risks"));
        }
        else
        {
            Row(sheet, "Audit run", row => row.Number(run.Id));
            Row(sheet, "Audited at (UTC)", row => row.DateTime(run.AuditedAt));
            Row(sheet, "Policy set", row => row.Text(run.PolicySetHash));
            Row(sheet, "Policies evaluated", row => row.Number(run.PoliciesEvaluated));
        }

        Row(sheet, "Services", row => row.Number(tally.Services));
        Row(sheet, "Services the run audited", row => row.Number(tally.Audited));
        foreach (var level in KebabNames<RiskLevel>.Values.Reverse())
        {
            Row(sheet, $"Services at level {KebabNames<RiskLevel>.Of(level)}", row => row.Number(tally.AtLevel(level)));
        }

        Row(sheet, "Findings (service, trait)", row => row.Number(tally.Findings));
        Row(sheet, "Findings waived", row => row.Number(tally.WaivedFindings));
        Row(sheet, "Waivers and requests", row => row.Number(tally.Waivers.Count));

        sheet.BlankRow();
        sheet.HeaderRow("Remediation programme", "Items", "Done", "In flight", "Won't do", "Late", "Done share");
        foreach (var programme in tally.Programmes())
        {
            Programme(sheet, programme.Programme ?? "(no programme)", programme);
        }

        Programme(sheet, "All programmes", tally.AllItems());

        sheet.BlankRow();
        sheet.HeaderRow("Sheet", "Rows", "Left out");
        foreach (var written in sheets)
        {
            if (sheet.TryBeginRow())
            {
                sheet.Text(written.Name);
                sheet.Number(written.Rows);
                sheet.Number(written.Omitted);
                sheet.EndRow();
            }
        }

        foreach (var cut in sheets.Where(written => written.Omitted > 0))
        {
            Row(sheet, "Note", row => row.Text(string.Create(
                CultureInfo.InvariantCulture,
                $"{cut.Name} has {cut.Rows + cut.Omitted:N0} rows, more than the {maxRows - 1:N0} a sheet holds below its header: the first {cut.Rows:N0} are in the sheet; left out: {cut.Omitted:N0}.")));
        }
    }

    private static void Row(SheetWriter sheet, string label, Action<SheetWriter> value)
    {
        if (sheet.TryBeginRow())
        {
            sheet.Text(label);
            value(sheet);
            sheet.EndRow();
        }
    }

    private static void Programme(SheetWriter sheet, string name, ProgrammeTally tally)
    {
        if (!sheet.TryBeginRow())
        {
            return;
        }

        sheet.Text(name);
        sheet.Number(tally.Items);
        sheet.Number(tally.Done);
        sheet.Number(tally.InFlight);
        sheet.Number(tally.WontDo);
        sheet.Number(tally.Late);
        sheet.Percent(tally.Items == 0 ? null : (double)tally.Done / tally.Items);
        sheet.EndRow();
    }
}
