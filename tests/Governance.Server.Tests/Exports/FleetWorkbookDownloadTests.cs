using System.Net;
using ClosedXML.Excel;
using Governance.Domain.Identity;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Exports;

/// <summary><c>GET /exports/fleet.xlsx</c> on a real server: leaders and administrators download a workbook that opens; no one else does.</summary>
public sealed class FleetWorkbookDownloadTests : IAsyncLifetime
{
    private const string Route = "/exports/fleet.xlsx";

    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiHost();
        using var admin = _host.Client("ada", Role.Administrator);
        foreach (var body in new[]
        {
            """{"id": "checkout", "name": "Checkout", "owner": "team-a", "tier": 1, "dependencies": ["cart"]}""",
            """{"id": "cart", "name": "Cart", "owner": "team-a", "tier": 2}""",
        })
        {
            var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
            (await admin.PutAsync($"/api/services/{id}", ApiHost.Json(body))).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Role.Leader)]
    [InlineData(Role.Administrator)]
    public async Task A_leader_or_an_administrator_downloads_a_workbook_named_for_the_day_that_opens(Role role)
    {
        using var client = _host.Client($"someone-{role.ToString().ToLowerInvariant()}", role);

        using var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("governance-fleet-2026-11-21.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["Summary", "Services", "Risks", "Remediation", "Waivers"], workbook.Worksheets.Select(sheet => sheet.Name));
        var services = workbook.Worksheet("Services");
        Assert.Equal(["cart", "checkout"], services.Column(1).CellsUsed().Skip(1).Select(cell => cell.GetString()));
        Assert.Equal(XLDataType.Number, services.Cell(3, 4).DataType);
        Assert.Equal(1, services.Cell(3, 4).GetDouble());
        Assert.True(services.Cell(3, 7).IsEmpty(), "no audit has run: no score");
        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0), workbook.Worksheet("Summary").Cell(2, 2).GetDateTime());
        Assert.Equal("none has succeeded yet: no risks", workbook.Worksheet("Summary").Cell(3, 2).GetString());
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Owner)]
    [InlineData(Role.Approver)]
    public async Task Viewers_owners_and_approvers_are_refused(Role role)
    {
        using var client = _host.Client($"someone-{role.ToString().ToLowerInvariant()}", role, team: "team-a", tier: 1);

        using var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_comes_back_to_the_download()
    {
        using var client = _host.Client(user: null);

        using var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fexports%2Ffleet.xlsx", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_offers_the_download_to_leaders_only()
    {
        using var leader = _host.Client("lee", Role.Leader);
        using var viewer = _host.Client("vic", Role.Viewer);

        var forLeader = await leader.GetStringAsync("/");
        var forViewer = await viewer.GetStringAsync("/");

        Assert.Contains($"href=\"{Route}\"", forLeader, StringComparison.Ordinal);
        Assert.DoesNotContain(Route, forViewer, StringComparison.Ordinal);
    }
}
