using System.Net;
using System.Text.Json;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Api;

/// <summary>Waivers and remediation items through the grain: the domain's rules as located field errors, the actor on the record.</summary>
public sealed class WaiverAndItemApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiHost();
        _client = _host.Client("user:sam");
        var created = await _client.PutAsync("/api/services/checkout", ApiHost.Json("""
            {"id": "checkout", "name": "Checkout", "remediationItems": [{"id": "CHK-1", "title": "Cache the cart", "openedOn": "2026-11-01"}]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_waiver_is_recorded_as_asked_by_the_actor_and_revoked_once()
    {
        var waived = await _client.PostAsync("/api/services/checkout/waivers", Waiver("critical-path-hub", "cto", "2027-01-31"));
        var revoked = await _client.DeleteAsync("/api/services/checkout/waivers/critical-path-hub");
        var again = await _client.DeleteAsync("/api/services/checkout/waivers/critical-path-hub");

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (waived.StatusCode, waived.Headers.ETag?.Tag));
        var waiver = (await JsonAsync(waived)).GetProperty("state").GetProperty("waivers")[0];
        Assert.Equal(("critical-path-hub", "cto", "user:sam"), (waiver.GetProperty("traitId").GetString(), waiver.GetProperty("approver").GetString(), waiver.GetProperty("requestedBy").GetString()));
        Assert.Equal((HttpStatusCode.OK, "\"3\""), (revoked.StatusCode, revoked.Headers.ETag?.Tag));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("traitId: no waiver of 'critical-path-hub' on checkout", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal([("define-service", "user:sam"), ("waive-trait", "user:sam"), ("revoke-waiver", "user:sam")], (await _host.HistoryAsync("checkout")).Select(entry => (entry.Command, entry.Actor)));
    }

    [Fact]
    public async Task A_waiver_the_rules_refuse_names_each_field_and_its_place_in_the_body()
    {
        var self = await _client.PostAsync("/api/services/checkout/waivers", Waiver("critical-path-hub", "Sam", "2027-01-31"));
        var unknown = await _client.PostAsync("/api/services/checkout/waivers", Waiver("no-such-trait", "cto", "2027-01-31"));
        var tooLong = await _client.PostAsync("/api/services/checkout/waivers", Waiver("critical-path-hub", "cto", "2028-01-31"));
        var missing = await _client.PostAsync("/api/services/nowhere/waivers", Waiver("critical-path-hub", "cto", "2027-01-31"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (self.StatusCode, unknown.StatusCode, tooLong.StatusCode, missing.StatusCode));
        var selfProblem = await JsonAsync(self);
        Assert.Equal("""{"approver":["must be someone other than the one asking (user:sam)"]}""", selfProblem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"approver":{"line":1,"column":91}}""", selfProblem.GetProperty("locations").GetRawText());
        Assert.Equal("""{"traitId":["no policy of the current set defines the trait 'no-such-trait'"]}""", (await JsonAsync(unknown)).GetProperty("errors").GetRawText());
        var tooLongProblem = await JsonAsync(tooLong);
        Assert.Equal("""{"expires":["must be within 365 days of today (at the latest 2027-11-21), was 2028-01-31"]}""", tooLongProblem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"expires":{"line":1,"column":109}}""", tooLongProblem.GetProperty("locations").GetRawText());
        Assert.Single(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task An_item_patch_changes_the_service_and_the_history_names_the_headers_actor()
    {
        var response = await _client.PatchAsync("/api/services/checkout/remediation-items/CHK-1", ApiHost.Json("""{"status": "done", "owner": "bob"}"""));

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (response.StatusCode, response.Headers.ETag?.Tag));
        var item = (await JsonAsync(response)).GetProperty("state").GetProperty("remediationItems")[0];
        Assert.Equal(("done", "bob", ApiHost.Now), (item.GetProperty("status").GetString(), item.GetProperty("owner").GetString(), item.GetProperty("completedAt").GetDateTimeOffset()));
        var last = (await _host.HistoryAsync("checkout"))[^1];
        Assert.Equal(("change-remediation-item", "user:sam", 2L), (last.Command, last.Actor, last.Version));
    }

    [Fact]
    public async Task Items_that_break_the_rules_or_do_not_exist_are_refused_without_a_write()
    {
        var unknownItem = await _client.PatchAsync("/api/services/checkout/remediation-items/CHK-9", ApiHost.Json("""{"owner": "bob"}"""));
        var badStatus = await _client.PatchAsync("/api/services/checkout/remediation-items/CHK-1", ApiHost.Json("""{"status": "later"}"""));
        var blankOwner = await _client.PatchAsync("/api/services/checkout/remediation-items/CHK-1", ApiHost.Json("""{"owner": " "}"""));
        var badItem = await _client.PostAsync("/api/services/checkout/remediation-items", ApiHost.Json("""{"id": "CHK-2", "title": "T", "openedOn": "2026-11-01", "eta": "2026-10-01"}"""));
        var duplicate = await _client.PostAsync("/api/services/checkout/remediation-items", ApiHost.Json("""{"id": "CHK-1", "title": "T", "openedOn": "2026-11-01"}"""));

        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal("""{"status":["has a value of the wrong type or form (line 1, column 19)"]}""", (await JsonAsync(badStatus)).GetProperty("errors").GetRawText());
        Assert.Equal("""{"owner":{"line":1,"column":11}}""", (await JsonAsync(blankOwner)).GetProperty("locations").GetRawText());
        Assert.Equal("""{"eta":["cannot be before openedOn (2026-11-01), was 2026-10-01"]}""", (await JsonAsync(badItem)).GetProperty("errors").GetRawText());
        Assert.Equal("""{"id":["remediation item 'CHK-1' already exists on checkout"]}""", (await JsonAsync(duplicate)).GetProperty("errors").GetRawText());
        Assert.Single(await _host.HistoryAsync("checkout"));
    }

    private static StringContent Waiver(string trait, string approver, string expires) =>
        ApiHost.Json($$"""{"traitId": "{{trait}}", "justification": "Caching ships in January", "approver": "{{approver}}", "expires": "{{expires}}"}""");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
