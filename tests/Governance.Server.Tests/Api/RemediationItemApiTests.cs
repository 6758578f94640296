using System.Net;
using System.Text.Json;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Api;

/// <summary>Remediation items through the grain: the domain's rules as located field errors, the actor on the record.</summary>
public sealed class RemediationItemApiTests : IAsyncLifetime
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

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
