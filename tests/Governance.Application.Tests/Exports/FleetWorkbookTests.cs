using ClosedXML.Excel;
using Governance.Application.Exports;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Exports;

/// <summary>The workbook of <see cref="SmallFleet"/>'s seven services on its day (2025-04-01), read back with ClosedXML.</summary>
public abstract class FleetWorkbookTests : StoreTestBase
{
    [StoreFact]
    public async Task Services_have_their_run_score_level_and_open_and_late_items()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        using var workbook = await ExportAsync();
        var services = Rows(workbook, "Services");

        Assert.Equal(SmallFleet.Listings.Keys.Order(StringComparer.Ordinal), services.Select(row => row[0].GetString()));
        var billing = services.Single(row => row[0].GetString() == "billing");
        Assert.Equal(["billing", "Billing Ledger", "team-payments", "0", "production", "host", "10", "high", "1", "1"], billing.Select(cell => cell.GetString()));
        Assert.All(new[] { 3, 6, 8, 9 }, column => Assert.Equal(XLDataType.Number, billing[column].DataType));
        var newcomer = services.Single(row => row[0].GetString() == "newcomer");
        Assert.True(newcomer[6].IsEmpty() && newcomer[7].IsEmpty(), "the run did not audit newcomer: no score, no level");
        Assert.True(newcomer[2].IsEmpty() && newcomer[3].IsEmpty() && newcomer[5].IsEmpty(), "no team, tier or footprint");
        Assert.Equal(["0", "none"], services.Single(row => row[0].GetString() == "batch_jobs")[6..8].Select(cell => cell.GetString()));
    }

    [StoreFact]
    public async Task Risks_and_remediation_have_a_row_each_and_the_summary_adds_them_up_by_programme()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        using var workbook = await ExportAsync();

        var risks = Rows(workbook, "Risks");
        Assert.Equal(
            ["batch_jobs no-runbook", "billing critical-single-host", "checkout no-runbook", "checkout single-zone", "flags critical-no-timeout", "flags critical-path-hub", "reports stale-dr-test"],
            risks.Select(row => $"{row[0].GetString()} {row[3].GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal(["batch_jobs"], risks.Where(row => row[6].GetBoolean()).Select(row => row[0].GetString()));
        var items = Rows(workbook, "Remediation");
        Assert.Equal(["B-1 True", "B-2 False", "C-1 False", "F-1 False"], items.Select(row => $"{row[2].GetString()} {row[12].GetBoolean()}"));
        var c1 = items.Single(row => row[2].GetString() == "C-1");
        Assert.Equal((new DateTime(2025, 1, 10), "2025-Q2", "in-progress"), (c1[8].GetDateTime(), c1[10].GetString(), c1[7].GetString()));
        Assert.Equal(new DateTime(2025, 2, 1, 12, 0, 0), items.Single(row => row[2].GetString() == "B-2")[11].GetDateTime());

        var summary = workbook.Worksheet("Summary");
        Assert.Equal(runId, Value(summary, "Audit run").GetDouble());
        Assert.Equal(7, Value(summary, "Services").GetDouble());
        Assert.Equal(6, Value(summary, "Services the run audited").GetDouble());
        Assert.Equal(1, Value(summary, "Services at level critical").GetDouble());
        Assert.Equal(2, Value(summary, "Services at level none").GetDouble());
        Assert.Equal(7, Value(summary, "Findings (service, trait)").GetDouble());
        Assert.Equal(1, Value(summary, "Findings waived").GetDouble());
        Assert.Equal([3, 1, 2, 0, 1], Numbers(summary, "INC-1"));
        Assert.Equal([1, 0, 0, 1, 0], Numbers(summary, "(no programme)"));
        Assert.Equal([4, 1, 2, 1, 1], Numbers(summary, "All programmes"));
        Assert.Equal(1.0 / 3, Label(summary, "INC-1").CellRight(6).GetDouble(), 9);
    }

    [StoreFact]
    public async Task A_sheet_that_would_pass_the_row_limit_keeps_its_first_rows_and_the_summary_says_how_many_were_left_out()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        // A header and three rows a sheet, as Excel's 1,048,576 are to a fleet that outgrows them.
        using var workbook = await ExportAsync(new FleetWorkbookOptions(MaxRowsPerSheet: 4));

        Assert.Equal(["batch_jobs", "billing", "checkout"], Rows(workbook, "Services").Select(row => row[0].GetString()));
        Assert.Equal(3, Rows(workbook, "Risks").Count);
        var summary = workbook.Worksheet("Summary");
        var notes = summary.Column(1).CellsUsed().Where(cell => cell.GetString() == "Note").Select(cell => cell.CellRight().GetString()).ToList();
        Assert.Equal(
            [
                "Services has 7 rows, more than the 3 a sheet holds below its header: the first 3 are in the sheet; left out: 4.",
                "Risks has 7 rows, more than the 3 a sheet holds below its header: the first 3 are in the sheet; left out: 4.",
                "Remediation has 4 rows, more than the 3 a sheet holds below its header: the first 3 are in the sheet; left out: 1.",
            ],
            notes);
    }

    [StoreFact]
    public async Task The_package_opens_with_the_Open_XML_SDK_and_its_schemas_find_nothing_wrong()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        var output = new MemoryStream();
        await FleetWorkbook.WriteAsync(Store, output, Clock);
        output.Position = 0;

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(document);

        Assert.Empty(errors.Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}"));
        Assert.Equal(FleetWorkbook.Sheets, document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(sheet => sheet.Name!.Value));
    }

    [StoreFact]
    public async Task An_empty_store_gives_a_workbook_of_headers_that_says_no_audit_has_run()
    {
        using var workbook = await ExportAsync();

        Assert.All(new[] { "Services", "Risks", "Remediation", "Waivers" }, name => Assert.Empty(Rows(workbook, name)));
        Assert.Equal("none has succeeded yet: no risks", Value(workbook.Worksheet("Summary"), "Audit run").GetString());
        Assert.Equal(0, Value(workbook.Worksheet("Summary"), "Services").GetDouble());
    }

    private async Task<XLWorkbook> ExportAsync(FleetWorkbookOptions? options = null)
    {
        var output = new MemoryStream();
        await FleetWorkbook.WriteAsync(Store, output, Clock, options);
        output.Position = 0;
        return new XLWorkbook(output);
    }

    private static List<IXLCell[]> Rows(XLWorkbook workbook, string name)
    {
        var sheet = workbook.Worksheet(name);
        var columns = sheet.Row(1).CellsUsed().Count();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        return [.. Enumerable.Range(2, last - 1).Select(number => Enumerable.Range(1, columns).Select(column => sheet.Cell(number, column)).ToArray())];
    }

    private static IXLCell Label(IXLWorksheet sheet, string label) => sheet.Column(1).CellsUsed().First(cell => cell.GetString() == label);

    private static IXLCell Value(IXLWorksheet sheet, string label) => Label(sheet, label).CellRight();

    private static double[] Numbers(IXLWorksheet sheet, string label) => [.. Enumerable.Range(1, 5).Select(offset => Label(sheet, label).CellRight(offset).GetDouble())];
}
