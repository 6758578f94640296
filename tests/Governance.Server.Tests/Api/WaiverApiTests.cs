using System.Net;
using System.Text.Json;
using Governance.Domain.Identity;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Api;

/// <summary>Waivers through the grain: requested by one actor, approved or rejected by another, the rules as located field errors.</summary>
public sealed class WaiverApiTests : IAsyncLifetime
{
    private const string Waivers = "/api/services/checkout/waivers";

    private ApiHost _host = null!;
    private HttpClient _sam = null!;
    private HttpClient _cto = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiHost();
        // Sam owns checkout and approves for its team too, so that only the domain's rule stops him approving his own request.
        _sam = _host.Client("sam", new HashSet<Role> { Role.Owner, Role.Approver }, team: "payments");
        _cto = _host.Client("cto", Role.Approver, team: "payments");
        var created = await _sam.PutAsync("/api/services/checkout", ApiHost.Json("""{"id": "checkout", "name": "Checkout", "owner": "payments"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _sam.Dispose();
        _cto.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_request_approved_by_another_actor_is_recorded_with_both_and_revoked_once()
    {
        var requested = await _sam.PostAsync(Waivers, Request("critical-path-hub", "2027-01-31"));
        var approved = await _cto.PostAsync($"{Waivers}/critical-path-hub/approve", ApiHost.Json("""{"reason": "Caching is tested"}"""));
        var revoked = await _sam.DeleteAsync($"{Waivers}/critical-path-hub");
        var again = await _sam.DeleteAsync($"{Waivers}/critical-path-hub");

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (requested.StatusCode, requested.Headers.ETag?.Tag));
        Assert.Equal(("requested", "", "user:sam"), Describe(await WaiverAsync(requested)));
        Assert.Equal((HttpStatusCode.OK, "\"3\""), (approved.StatusCode, approved.Headers.ETag?.Tag));
        var waiver = await WaiverAsync(approved);
        Assert.Equal(("approved", "user:cto", "user:sam"), Describe(waiver));
        Assert.Equal(("user:cto", "Caching is tested", ApiHost.Now), (waiver.GetProperty("decidedBy").GetString(), waiver.GetProperty("decisionReason").GetString(), waiver.GetProperty("grantedAt").GetDateTimeOffset()));
        Assert.Equal((HttpStatusCode.OK, "\"4\""), (revoked.StatusCode, revoked.Headers.ETag?.Tag));
        Assert.Equal((HttpStatusCode.NotFound, "traitId: no waiver of 'critical-path-hub' on checkout"), (again.StatusCode, (await JsonAsync(again)).GetProperty("detail").GetString()));
        Assert.Equal(
            [("define-service", "user:sam"), ("request-waiver", "user:sam"), ("approve-waiver", "user:cto"), ("revoke-waiver", "user:sam")],
            (await _host.HistoryAsync("checkout")).Select(entry => (entry.Command, entry.Actor)));
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request()
    {
        await _sam.PostAsync(Waivers, Request("critical-path-hub", "2027-01-31"));

        var self = await _sam.PostAsync($"{Waivers}/critical-path-hub/approve", null);

        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("""{"approver":["must be someone other than the requester (user:sam): another person approves it"]}""", (await JsonAsync(self)).GetProperty("errors").GetRawText());
        Assert.Equal(2, (await _host.HistoryAsync("checkout")).Count);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_only_a_request_can_be_decided()
    {
        await _sam.PostAsync(Waivers, Request("critical-path-hub", "2027-01-31"));

        var noBody = await _cto.PostAsync($"{Waivers}/critical-path-hub/reject", null);
        var blank = await _cto.PostAsync($"{Waivers}/critical-path-hub/reject", ApiHost.Json("""{"reason": " "}"""));
        var rejected = await _cto.PostAsync($"{Waivers}/critical-path-hub/reject", ApiHost.Json("""{"reason": "Fix the hub instead"}"""));
        var approveRejected = await _cto.PostAsync($"{Waivers}/critical-path-hub/approve", null);
        var approveMissing = await _cto.PostAsync($"{Waivers}/single-zone/approve", null);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noBody.StatusCode, blank.StatusCode));
        var noBodyProblem = await JsonAsync(noBody);
        Assert.Equal("""{"reason":["is required: say why the waiver is rejected"]}""", noBodyProblem.GetProperty("errors").GetRawText());
        Assert.Equal("{}", noBodyProblem.GetProperty("locations").GetRawText());
        Assert.Equal("""{"reason":{"line":1,"column":12}}""", (await JsonAsync(blank)).GetProperty("locations").GetRawText());
        Assert.Equal(("rejected", "", "user:sam"), Describe(await WaiverAsync(rejected)));
        Assert.Equal(HttpStatusCode.BadRequest, approveRejected.StatusCode);
        Assert.Equal("""{"status":["the waiver of 'critical-path-hub' is rejected; only a requested waiver can be approved"]}""", (await JsonAsync(approveRejected)).GetProperty("errors").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, approveMissing.StatusCode);
        Assert.Equal(["define-service", "request-waiver", "reject-waiver"], (await _host.HistoryAsync("checkout")).Select(entry => entry.Command));
    }

    [Fact]
    public async Task A_decision_on_a_stale_version_is_a_412_and_writes_nothing()
    {
        await _sam.PostAsync(Waivers, Request("critical-path-hub", "2027-01-31"));
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"{Waivers}/critical-path-hub/approve");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await _cto.SendAsync(stale);

        Assert.Equal((HttpStatusCode.PreconditionFailed, "\"2\""), (response.StatusCode, response.Headers.ETag?.Tag));
        Assert.Equal(2, (await JsonAsync(response)).GetProperty("currentVersion").GetInt64());
        Assert.Equal(2, (await _host.HistoryAsync("checkout")).Count);
    }

    [Fact]
    public async Task A_request_that_names_its_approver_is_refused_saying_approval_is_a_step_of_its_own()
    {
        var response = await _sam.PostAsync(Waivers, ApiHost.Json("""{"traitId": "critical-path-hub", "justification": "Caching ships in January", "expires": "2027-01-31", "approver": "cto"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal(
            """{"approver":["is not taken here: a waiver is requested, then its approver approves it in a step of their own (POST /api/services/{id}/waivers/{traitId}/approve)"]}""",
            problem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"approver":{"line":1,"column":116}}""", problem.GetProperty("locations").GetRawText());
        Assert.Single(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_request_the_rules_refuse_names_each_field_and_its_place_in_the_body()
    {
        var unknown = await _sam.PostAsync(Waivers, Request("no-such-trait", "2027-01-31"));
        var tooLong = await _sam.PostAsync(Waivers, Request("critical-path-hub", "2028-01-31"));
        var missing = await _sam.PostAsync("/api/services/nowhere/waivers", Request("critical-path-hub", "2027-01-31"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (unknown.StatusCode, tooLong.StatusCode, missing.StatusCode));
        Assert.Equal("""{"traitId":["no policy of the current set defines the trait 'no-such-trait'"]}""", (await JsonAsync(unknown)).GetProperty("errors").GetRawText());
        var tooLongProblem = await JsonAsync(tooLong);
        Assert.Equal("""{"expires":["must be within 365 days of today (at the latest 2027-11-21), was 2028-01-31"]}""", tooLongProblem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"expires":{"line":1,"column":90}}""", tooLongProblem.GetProperty("locations").GetRawText());
        Assert.Single(await _host.HistoryAsync("checkout"));
    }

    private static StringContent Request(string trait, string expires) =>
        ApiHost.Json($$"""{"traitId": "{{trait}}", "justification": "Caching ships in January", "expires": "{{expires}}"}""");

    private static (string? Status, string? Approver, string? RequestedBy) Describe(JsonElement waiver) =>
        (waiver.GetProperty("status").GetString(), waiver.GetProperty("approver").GetString(), waiver.GetProperty("requestedBy").GetString());

    private static async Task<JsonElement> WaiverAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("state").GetProperty("waivers")[0];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
