using System.Globalization;
using ClosedXML.Excel;
using YamlDotNet.RepresentationModel;

namespace Governance.Cli.Tests;

/// <summary>
/// <c>export workbook</c> on the demo store, read back with ClosedXML: the sheets, their headers, the demo fleet's rows and
/// the types of their cells. Expected values come from the demo fleet's YAML, read here on its own.
/// </summary>
public sealed class ExportCommandTests : IClassFixture<ExportCommandTests.DemoWorkbook>
{
    private readonly DemoWorkbook _demo;

    public ExportCommandTests(DemoWorkbook demo) => _demo = demo;

    [Fact]
    public void The_workbook_has_five_sheets_in_order_each_with_its_header_frozen()
    {
        using var workbook = _demo.Open();

        Assert.Equal(["Summary", "Services", "Risks", "Remediation", "Waivers"], workbook.Worksheets.Select(sheet => sheet.Name));
        Assert.Equal(["Item", "Value"], Header(workbook, "Summary"));
        Assert.Equal(["Service", "Name", "Team", "Tier", "Lifecycle", "Exposure", "Risk score", "Level", "Open items", "Late items"], Header(workbook, "Services"));
        Assert.Equal(["Service", "Team", "Tier", "Policy", "Title", "Severity", "Waived", "Evidence"], Header(workbook, "Risks"));
        Assert.Equal(
            ["Service", "Team", "Item", "Title", "Programme", "Owner", "Priority", "Status", "Opened", "ETA", "Target quarter", "Completed (UTC)", "Late"],
            Header(workbook, "Remediation"));
        Assert.Equal(["Service", "Team", "Trait", "Status", "Requested by", "Approved or rejected by", "Reason", "Decision reason", "Expires"], Header(workbook, "Waivers"));
        Assert.All(workbook.Worksheets, sheet => Assert.Equal(1, sheet.SheetView.SplitRow));
    }

    [Fact]
    public void Services_lists_every_service_of_the_demo_fleet_in_id_order_with_numbers_as_numbers()
    {
        using var workbook = _demo.Open();
        var services = Rows(workbook, "Services");

        Assert.Equal(DemoFleet.Services.Keys.Order(StringComparer.Ordinal), services.Select(row => row["Service"].GetString()));
        var hub = services.Single(row => row["Service"].GetString() == "feature-enablement");
        var yaml = DemoFleet.Services["feature-enablement"];
        Assert.Equal(Scalar(yaml, "name"), hub["Name"].GetString());
        Assert.Equal(Scalar(yaml, "owner"), hub["Team"].GetString());
        Assert.Equal(XLDataType.Number, hub["Tier"].DataType);
        Assert.Equal(double.Parse(Scalar(yaml, "tier")!, CultureInfo.InvariantCulture), hub["Tier"].GetDouble());
        Assert.Equal(XLDataType.Number, hub["Risk score"].DataType);
        Assert.Equal(_demo.HubScore, hub["Risk score"].GetDouble());
        Assert.Equal(XLDataType.Number, hub["Open items"].DataType);
        var items = (YamlSequenceNode)yaml.Children[new YamlScalarNode("remediationItems")];
        Assert.Equal(items.Count(item => Scalar((YamlMappingNode)item, "status") is "open" or "in-progress"), hub["Open items"].GetDouble());
    }

    [Fact]
    public void Remediation_holds_FES_37_with_dates_as_dates_and_late_as_a_boolean()
    {
        using var workbook = _demo.Open();
        var items = Rows(workbook, "Remediation");

        Assert.Equal(DemoFleet.Items.Count, items.Count);
        var failover = items.Single(row => row["Item"].GetString() == "FES-37");
        Assert.Equal("feature-enablement", failover["Service"].GetString());
        Assert.Equal("platform-foundation", failover["Team"].GetString());
        Assert.Equal("Automate Feature Service failover", failover["Title"].GetString());
        Assert.Equal("INC-2021-02-26", failover["Programme"].GetString());
        Assert.Equal("priya.raman", failover["Owner"].GetString());
        Assert.Equal("high", failover["Priority"].GetString());
        Assert.Equal("open", failover["Status"].GetString());
        Assert.Equal(XLDataType.DateTime, failover["Opened"].DataType);
        Assert.Equal(new DateTime(2021, 10, 4), failover["Opened"].GetDateTime());
        Assert.True(failover["ETA"].IsEmpty());
        Assert.Equal("2022-Q1", failover["Target quarter"].GetString());
        Assert.True(failover["Completed (UTC)"].IsEmpty());

        // Due at the end of 2022-Q1 and still open on the test's day (2026-11-21): late.
        Assert.Equal(XLDataType.Boolean, failover["Late"].DataType);
        Assert.True(failover["Late"].GetBoolean());

        var done = DemoFleet.Items.First(item => Scalar(item.Item, "status") == "done" && Scalar(item.Item, "completedAt") is not null);
        var doneRow = items.Single(row => row["Service"].GetString() == done.Service && row["Item"].GetString() == Scalar(done.Item, "id"));
        Assert.Equal(XLDataType.DateTime, doneRow["Completed (UTC)"].DataType);
        var completed = DateTimeOffset.Parse(Scalar(done.Item, "completedAt")!, CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(completed, doneRow["Completed (UTC)"].GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.False(doneRow["Late"].GetBoolean());
    }

    [Fact]
    public void Risks_has_a_row_per_finding_of_the_latest_audit_with_the_waiver_it_ran_with()
    {
        using var workbook = _demo.Open();
        var risks = Rows(workbook, "Risks");

        Assert.Equal(_demo.Findings, risks.Count);
        var hub = risks.Single(row => row["Service"].GetString() == "feature-enablement" && row["Policy"].GetString() == "critical-path-hub");
        Assert.Equal("platform-foundation", hub["Team"].GetString());
        Assert.Equal(XLDataType.Number, hub["Tier"].DataType);
        Assert.Equal(0, hub["Tier"].GetDouble());
        Assert.Equal("critical", hub["Severity"].GetString());
        Assert.Equal(XLDataType.Boolean, hub["Waived"].DataType);
        Assert.True(hub["Waived"].GetBoolean());
        Assert.Contains("criticalFanInTier0 = ", hub["Evidence"].GetString());
        Assert.All(risks.Where(row => row["Policy"].GetString() != "critical-path-hub" || row["Service"].GetString() != "feature-enablement"), row => Assert.False(row["Waived"].GetBoolean()));
    }

    [Fact]
    public void Waivers_lists_the_waiver_with_who_asked_who_approved_and_until_when()
    {
        using var workbook = _demo.Open();

        var waiver = Assert.Single(Rows(workbook, "Waivers"));
        Assert.Equal("feature-enablement", waiver["Service"].GetString());
        Assert.Equal("critical-path-hub", waiver["Trait"].GetString());
        Assert.Equal("approved", waiver["Status"].GetString());
        Assert.Equal("user:priya", waiver["Requested by"].GetString());
        Assert.Equal("user:sam", waiver["Approved or rejected by"].GetString());
        Assert.Equal(DemoWorkbook.WaiverReason, waiver["Reason"].GetString());
        Assert.Equal(XLDataType.DateTime, waiver["Expires"].DataType);
        Assert.Equal(new DateTime(2027, 1, 15), waiver["Expires"].GetDateTime());
    }

    [Fact]
    public void Summary_says_when_from_which_run_and_how_far_each_programme_is()
    {
        using var workbook = _demo.Open();
        var summary = workbook.Worksheet("Summary");

        Assert.Equal(XLDataType.DateTime, Value(summary, "Exported at (UTC)").DataType);
        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0), Value(summary, "Exported at (UTC)").GetDateTime());
        Assert.Equal(_demo.RunId, Value(summary, "Audit run").GetDouble());
        Assert.Equal(DemoFleet.Services.Count, Value(summary, "Services").GetDouble());
        Assert.Equal(_demo.Findings, Value(summary, "Findings (service, trait)").GetDouble());
        Assert.Equal(1, Value(summary, "Findings waived").GetDouble());

        var incident = DemoFleet.Items.Where(item => Scalar(item.Item, "programme") == "INC-2021-02-26").ToList();
        var row = Label(summary, "INC-2021-02-26").WorksheetRow();
        Assert.Equal(incident.Count, row.Cell(2).GetDouble());
        Assert.Equal(incident.Count(item => Scalar(item.Item, "status") == "done"), row.Cell(3).GetDouble());
        Assert.Equal((double)incident.Count(item => Scalar(item.Item, "status") == "done") / incident.Count, row.Cell(7).GetDouble(), 9);
        var all = Label(summary, "All programmes").WorksheetRow();
        Assert.Equal(DemoFleet.Items.Count, all.Cell(2).GetDouble());

        Assert.Equal(DemoFleet.Services.Count, Label(summary, "Services", column: 1, after: "Sheet").WorksheetRow().Cell(2).GetDouble());
        Assert.Equal(0, Label(summary, "Risks", column: 1, after: "Sheet").WorksheetRow().Cell(3).GetDouble());
        Assert.Null(summary.Column(1).CellsUsed().FirstOrDefault(cell => cell.GetString() == "Note"));
    }

    private static List<string> Header(XLWorkbook workbook, string sheet) =>
        [.. workbook.Worksheet(sheet).Row(1).CellsUsed().Select(cell => cell.GetString())];

    /// <summary>Every row under the header, each cell by its column's header.</summary>
    private static List<Dictionary<string, IXLCell>> Rows(XLWorkbook workbook, string name)
    {
        var sheet = workbook.Worksheet(name);
        var headers = Header(workbook, name);
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        return
        [
            .. Enumerable.Range(2, Math.Max(0, last - 1))
                .Select(number => headers.Select((header, index) => (header, Cell: sheet.Cell(number, index + 1))).ToDictionary(pair => pair.header, pair => pair.Cell)),
        ];
    }

    private static IXLCell Value(IXLWorksheet summary, string label) => Label(summary, label).CellRight();

    private static IXLCell Label(IXLWorksheet sheet, string label, int column = 1, string? after = null)
    {
        var cells = sheet.Column(column).CellsUsed().ToList();
        var start = after is null ? 0 : cells.FindIndex(cell => cell.GetString() == after) + 1;
        return cells.Skip(start).First(cell => cell.GetString() == label);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The demo fleet as its YAML file has it.</summary>
    private static class DemoFleet
    {
        private static readonly YamlMappingNode Root = Load();

        public static IReadOnlyDictionary<string, YamlMappingNode> Services { get; } =
            ((YamlSequenceNode)Root.Children[new YamlScalarNode("services")]).Cast<YamlMappingNode>().ToDictionary(service => Scalar(service, "id")!, StringComparer.Ordinal);

        public static IReadOnlyList<(string Service, YamlMappingNode Item)> Items { get; } =
        [
            .. Services.SelectMany(service => service.Value.Children.TryGetValue(new YamlScalarNode("remediationItems"), out var items)
                ? ((YamlSequenceNode)items).Cast<YamlMappingNode>().Select(item => (service.Key, item))
                : []),
        ];

        private static YamlMappingNode Load()
        {
            using var reader = new StreamReader(Path.Combine(Repository.Root, "src", "Governance.Cli", "Demo", "demo-fleet.yaml"));
            var stream = new YamlStream();
            stream.Load(reader);
            return (YamlMappingNode)stream.Documents.Single().RootNode;
        }
    }

    /// <summary>
    /// The demo store, with a waiver of the hub's critical-path trait (priya asked, sam approved) and an audit after it,
    /// exported once; with what the audit itself says about that run, read through the CLI's other commands.
    /// </summary>
    public sealed class DemoWorkbook : IAsyncLifetime
    {
        public const string WaiverReason = "Failover drill scheduled with the callers";

        private readonly CliRun _cli = new();

        public string File => Path.Combine(_cli.Folder, "fleet.xlsx");

        public double RunId { get; private set; }

        public double Findings { get; private set; }

        public double HubScore { get; private set; }

        public XLWorkbook Open() => new(File);

        public async Task InitializeAsync()
        {
            await RunAsync("demo");
            await RunAsync("--actor", "user:priya", "waive", "feature-enablement", "critical-path-hub", "--reason", WaiverReason, "--until", "2027-01-15", "--approver", "user:sam");
            await RunAsync("audit", "run");
            await RunAsync("export", "workbook", "--out", File);
            using var show = System.Text.Json.JsonDocument.Parse((await RunAsync("--json", "audit", "show")).Output);
            RunId = show.RootElement.GetProperty("run").GetProperty("id").GetInt64();
            Findings = show.RootElement.GetProperty("run").GetProperty("findings").GetInt32();
            using var risks = System.Text.Json.JsonDocument.Parse((await RunAsync("--json", "risks", "feature-enablement")).Output);
            HubScore = risks.RootElement.GetProperty("score").GetInt32();
        }

        public Task DisposeAsync()
        {
            _cli.Dispose();
            return Task.CompletedTask;
        }

        private async Task<CliResult> RunAsync(params string[] arguments)
        {
            var result = await _cli.InvokeAsync(arguments);
            return result.ExitCode == 0 ? result : throw new InvalidOperationException($"'{string.Join(' ', arguments)}' ended with {result.ExitCode}: {result.Error}{result.Output}");
        }
    }
}
