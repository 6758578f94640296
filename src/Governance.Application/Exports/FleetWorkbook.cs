using Governance.Application.Exports.Xlsx;
using Governance.Storage;

namespace Governance.Application.Exports;

/// <summary>How the workbook is written: <see cref="MaxRowsPerSheet"/> (the header included) is Excel's limit unless a test asks for fewer.</summary>
public sealed record FleetWorkbookOptions(int MaxRowsPerSheet = FleetWorkbook.ExcelMaxRows)
{
    public static readonly FleetWorkbookOptions Default = new();
}

/// <summary>One sheet as written: its data rows below the header, and the rows left out because the sheet was full.</summary>
public sealed record WorkbookSheet(string Name, long Rows, long Omitted);

/// <summary>What an export wrote: when, from which audit run (null: none had succeeded), and each data sheet's rows.</summary>
public sealed record FleetWorkbookResult(DateTimeOffset ExportedAt, long? RunId, IReadOnlyList<WorkbookSheet> Sheets);

/// <summary>
/// The leader's fleet workbook (.xlsx): a Summary, then every service, every finding of the latest succeeded audit, every
/// remediation item and every waiver, one sheet each, with a frozen header and typed cells. Read from the store in one
/// snapshot and streamed, so that 100,000 services (about 430,000 findings) never sit in memory at once.
/// </summary>
public static class FleetWorkbook
{
    public const string ContentType = XlsxPackage.ContentType;

    /// <summary>Excel's rows in one sheet, the header included.</summary>
    public const int ExcelMaxRows = SheetWriter.ExcelMaxRows;

    public const string Summary = "Summary";
    public const string Services = "Services";
    public const string Risks = "Risks";
    public const string Remediation = "Remediation";
    public const string Waivers = "Waivers";

    /// <summary>The sheets, in the workbook's order.</summary>
    public static readonly IReadOnlyList<string> Sheets = [Summary, Services, Risks, Remediation, Waivers];

    /// <summary>The file name a download suggests: the day it was exported (UTC).</summary>
    public static string FileName(DateTimeOffset exportedAt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"governance-fleet-{exportedAt.UtcDateTime:yyyy-MM-dd}.xlsx");

    /// <summary>
    /// Writes the workbook of <paramref name="store"/> as it is now to <paramref name="output"/> (left open). After a failure
    /// what was written is not a workbook: callers write to a temporary file and keep it only once this returns.
    /// </summary>
    public static async Task<FleetWorkbookResult> WriteAsync(GovernanceStore store, Stream output, TimeProvider time, FleetWorkbookOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var maxRows = (options ?? FleetWorkbookOptions.Default).MaxRowsPerSheet;
        var exportedAt = time.GetUtcNow();
        var tally = new FleetTally(DateOnly.FromDateTime(exportedAt.UtcDateTime));
        await using var fleet = await store.OpenFleetExportAsync(cancellationToken).ConfigureAwait(false);
        using var package = new XlsxPackage(output, Sheets, exportedAt);
        var written = new List<WorkbookSheet>(Sheets.Count - 1);

        // The services are read once: their rows are written as they arrive, their items and waivers kept for their sheets.
        using (var sheet = package.OpenSheet(1, FleetSheets.ServiceColumns, maxRows))
        {
            await FleetSheets.WriteServicesAsync(sheet, fleet, tally, cancellationToken).ConfigureAwait(false);
            sheet.Complete();
            written.Add(new WorkbookSheet(Services, sheet.Rows, sheet.Omitted));
        }

        using (var sheet = package.OpenSheet(2, FleetSheets.RiskColumns, maxRows))
        {
            await FleetSheets.WriteRisksAsync(sheet, fleet, tally, cancellationToken).ConfigureAwait(false);
            sheet.Complete();
            written.Add(new WorkbookSheet(Risks, sheet.Rows, sheet.Omitted));
        }

        using (var sheet = package.OpenSheet(3, FleetSheets.RemediationColumns, maxRows))
        {
            FleetSheets.WriteRemediation(sheet, tally);
            sheet.Complete();
            written.Add(new WorkbookSheet(Remediation, sheet.Rows, sheet.Omitted));
        }

        using (var sheet = package.OpenSheet(4, FleetSheets.WaiverColumns, maxRows))
        {
            FleetSheets.WriteWaivers(sheet, tally);
            sheet.Complete();
            written.Add(new WorkbookSheet(Waivers, sheet.Rows, sheet.Omitted));
        }

        // Written last, as it counts the others; the workbook still opens on it. A few dozen rows: only Excel's limit applies.
        using (var sheet = package.OpenSheet(0, SummarySheet.Columns, ExcelMaxRows, filter: false))
        {
            SummarySheet.Write(sheet, exportedAt, fleet.Run, tally, written, maxRows);
            sheet.Complete();
        }

        package.Complete();
        return new FleetWorkbookResult(exportedAt, fleet.Run?.Id, written);
    }
}
