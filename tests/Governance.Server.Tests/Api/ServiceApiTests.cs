using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Api;

/// <summary>One service through its grain: create, read, replace, merge, with ETags, preconditions and idempotency keys.</summary>
public sealed class ServiceApiTests : IAsyncLifetime
{
    private const string Checkout = """{"id": "checkout", "name": "Checkout", "tier": 1, "dependencies": ["cart"]}""";

    private ApiHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new ApiHost();
        _client = _host.Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_put_creates_the_service_and_a_read_gives_it_with_its_etag()
    {
        var created = await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));
        var read = await _client.GetAsync("/api/services/checkout");
        var again = await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));

        Assert.Equal((HttpStatusCode.Created, "\"1\"", "/api/services/checkout"), (created.StatusCode, created.Headers.ETag?.Tag, created.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.StatusCode, read.Headers.ETag?.Tag));
        var body = await JsonAsync(read);
        Assert.Equal((1, "Checkout", "cart"), (body.GetProperty("version").GetInt64(), body.GetProperty("state").GetProperty("profile").GetProperty("name").GetString(),
            body.GetProperty("state").GetProperty("dependencies")[0].GetProperty("target").GetString()));
        Assert.Equal(ApiHost.Now, body.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (again.StatusCode, again.Headers.ETag?.Tag));
        Assert.Equal(["user:alice"], (await _host.HistoryAsync("checkout")).Select(entry => entry.Actor));
    }

    [Fact]
    public async Task A_write_at_the_current_version_succeeds_and_a_stale_one_is_a_412_naming_the_current_version()
    {
        await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));

        var current = await SendAsync(HttpMethod.Put, "/api/services/checkout", Checkout.Replace("\"tier\": 1", "\"tier\": 0", StringComparison.Ordinal), ifMatch: "\"1\"");
        var stale = await SendAsync(HttpMethod.Put, "/api/services/checkout", Checkout.Replace("\"tier\": 1", "\"tier\": 2", StringComparison.Ordinal), ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (current.StatusCode, current.Headers.ETag?.Tag));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "\"2\""), (stale.StatusCode, stale.Headers.ETag?.Tag));
        var problem = await JsonAsync(stale);
        Assert.Equal((2, "If-Match names version 1, but the service is at version 2; read it again and retry"), (problem.GetProperty("currentVersion").GetInt64(), problem.GetProperty("detail").GetString()));
        Assert.Equal([1L, 2L], (await _host.HistoryAsync("checkout")).Select(entry => entry.Version));
    }

    [Fact]
    public async Task A_create_only_put_of_an_existing_service_is_a_409()
    {
        await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/services/checkout") { Content = ApiHost.Json(Checkout) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("the service already exists, at version 1", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_put_for_another_id_is_refused_at_the_id_field()
    {
        var response = await _client.PutAsync("/api/services/cart", ApiHost.Json(Checkout));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("""{"id":["the definition is of 'checkout', but the command was sent to 'cart'"]}""", problem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"id":{"line":1,"column":8}}""", problem.GetProperty("locations").GetRawText());
    }

    [Fact]
    public async Task A_merge_patch_changes_the_fields_given_and_keeps_the_rest()
    {
        await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));

        var response = await _client.PatchAsync("/api/services/checkout", ApiHost.Json("""{"tier": 0, "owner": "payments-team"}""", "application/merge-patch+json"));

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (response.StatusCode, response.Headers.ETag?.Tag));
        var state = (await JsonAsync(response)).GetProperty("state");
        Assert.Equal(("Checkout", 0, "payments-team", "cart"), (state.GetProperty("profile").GetProperty("name").GetString(), state.GetProperty("profile").GetProperty("tier").GetInt32(),
            state.GetProperty("profile").GetProperty("owner").GetString(), state.GetProperty("dependencies")[0].GetProperty("target").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PatchAsync("/api/services/nowhere", ApiHost.Json("""{"tier": 0}"""))).StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_answer_without_a_second_history_entry_and_refuses_another_body()
    {
        await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));
        const string Item = """{"id": "CHK-1", "title": "Cache the cart", "openedOn": "2026-11-20"}""";

        var first = await SendAsync(HttpMethod.Post, "/api/services/checkout/remediation-items", Item, key: "open-chk-1");
        var retry = await SendAsync(HttpMethod.Post, "/api/services/checkout/remediation-items", Item, key: "open-chk-1");
        var other = await SendAsync(HttpMethod.Post, "/api/services/checkout/remediation-items", Item.Replace("CHK-1", "CHK-2", StringComparison.Ordinal), key: "open-chk-1");
        var unkeyed = await SendAsync(HttpMethod.Post, "/api/services/checkout/remediation-items", Item);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest), (first.StatusCode, retry.StatusCode, other.StatusCode, unkeyed.StatusCode));
        Assert.Equal((first.Headers.ETag?.Tag, await first.Content.ReadAsStringAsync()), (retry.Headers.ETag?.Tag, await retry.Content.ReadAsStringAsync()));
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(["define-service", "open-remediation-item"], (await _host.HistoryAsync("checkout")).Select(entry => entry.Command));
    }

    [Fact]
    public async Task Risks_are_the_grains_and_an_unknown_service_is_a_404_problem()
    {
        await _client.PutAsync("/api/services/checkout", ApiHost.Json(Checkout));

        var risks = await _client.GetFromJsonAsync<JsonElement>("/api/services/checkout/risks");
        var missing = await _client.GetAsync("/api/services/nowhere");

        Assert.Equal(("checkout", 1L), (risks.GetProperty("profile").GetProperty("serviceId").GetString(), risks.GetProperty("stateVersion").GetInt64()));
        Assert.Equal(risks.GetProperty("profile").GetProperty("score").GetInt32(), risks.GetProperty("score").GetInt32());
        Assert.False(string.IsNullOrEmpty(risks.GetProperty("policySetHash").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
        Assert.Equal("no service 'nowhere'", (await JsonAsync(missing)).GetProperty("detail").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = ApiHost.Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
