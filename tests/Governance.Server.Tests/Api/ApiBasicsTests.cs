using System.Net;
using System.Text.Json;
using Governance.Domain.Identity;
using Governance.Server.Api;
using Governance.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace Governance.Server.Tests.Api;

/// <summary>What every write shares, checked before any grain is asked: a signed-in caller, body limits, malformed bodies, the OpenAPI document.</summary>
public sealed class ApiBasicsTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApiHost(("Governance:Api:MaxBodyBytes", "400"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_write_without_a_token_or_with_a_wrong_one_is_a_401_and_writes_nothing()
    {
        using var anonymous = _host.Client(user: null);
        using var wrong = _host.Client(user: null);
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "gov_abc_notthesecret");

        var withoutToken = await anonymous.PutAsync("/api/services/checkout", ApiHost.Json("""{"name": "Checkout"}"""));
        var withWrongToken = await wrong.PutAsync("/api/services/checkout", ApiHost.Json("""{"name": "Checkout"}"""));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (withoutToken.StatusCode, withWrongToken.StatusCode));
        Assert.Empty(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_bad_service_body_is_a_validation_problem_naming_each_request_field_and_its_place()
    {
        using var client = _host.Client();

        var response = await client.PutAsync("/api/services/checkout", ApiHost.Json("""
            {
              "name": "Checkout",
              "tier": 5,
              "dependencies": ["payments", {"target": "cart", "timeoutMs": "fast"}]
            }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(
            """{"tier":["must be between 0 and 3, was 5"],"dependencies[1].timeoutMs":["must be a whole number of milliseconds, was 'fast'"]}""",
            problem.GetProperty("errors").GetRawText());
        Assert.Equal("""{"tier":{"line":3,"column":11},"dependencies[1].timeoutMs":{"line":4,"column":64}}""", problem.GetProperty("locations").GetRawText());
    }

    [Fact]
    public async Task Malformed_json_is_a_validation_problem_at_the_place_the_parser_stopped()
    {
        using var client = _host.Client();

        var service = await client.PutAsync("/api/services/checkout", ApiHost.Json("{\"name\": \"Checkout\",\n  \"tier\": 1,,\n}"));
        var waiver = await client.PostAsync("/api/services/checkout/waivers", ApiHost.Json("""{"traitId": "single-zone", "expires": "2027-13-40"}"""));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (service.StatusCode, waiver.StatusCode));
        var serviceProblem = await ProblemAsync(service);
        Assert.Equal("""{"line":2,"column":13}""", serviceProblem.GetProperty("locations").GetProperty("(body)").GetRawText());
        Assert.StartsWith("is not well-formed JSON: ", serviceProblem.GetProperty("errors").GetProperty("(body)")[0].GetString(), StringComparison.Ordinal);
        var waiverProblem = await ProblemAsync(waiver);
        Assert.Equal("""{"expires":["has a value of the wrong type or form (line 1, column 51)"]}""", waiverProblem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_naming_the_setting()
    {
        using var client = _host.Client();

        var response = await client.PutAsync("/api/services/checkout", ApiHost.Json($$"""{"name": "{{new string('x', 400)}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("this request's body may hold at most 400 bytes (Governance:Api:MaxBodyBytes)", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_idempotency_key_or_precondition_that_cannot_be_read_is_refused()
    {
        using var client = _host.Client();
        using var badKey = new HttpRequestMessage(HttpMethod.Put, "/api/services/checkout") { Content = ApiHost.Json("""{"name": "Checkout"}""") };
        badKey.Headers.Add("Idempotency-Key", new string('k', 256));
        using var badMatch = new HttpRequestMessage(HttpMethod.Put, "/api/services/checkout") { Content = ApiHost.Json("""{"name": "Checkout"}""") };
        badMatch.Headers.TryAddWithoutValidation("If-Match", "W/\"3\"");

        var key = await client.SendAsync(badKey);
        var match = await client.SendAsync(badMatch);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (key.StatusCode, match.StatusCode));
        Assert.Equal("""{"Idempotency-Key":["must be 1 to 255 visible ASCII characters, such as a UUID"]}""", (await ProblemAsync(key)).GetProperty("errors").GetRawText());
        Assert.Equal("""{"If-Match":["If-Match must be one version as an ETag, like \"7\", was W/\"3\""]}""", (await ProblemAsync(match)).GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_write_routes_with_their_headers_and_problems()
    {
        using var client = _host.Client(role: Role.Viewer);

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        var routes = paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "GET /api/services/{id}", "PUT /api/services/{id}", "PATCH /api/services/{id}", "GET /api/services/{id}/risks",
                "POST /api/services/{id}/waivers", "POST /api/services/{id}/waivers/{traitId}/approve", "POST /api/services/{id}/waivers/{traitId}/reject",
                "DELETE /api/services/{id}/waivers/{traitId}",
                "POST /api/services/{id}/remediation-items", "PATCH /api/services/{id}/remediation-items/{itemId}", "POST /api/imports",
            },
            routes);
        var put = paths.GetProperty("/api/services/{id}").GetProperty("put");
        var headers = put.GetProperty("parameters").EnumerateArray().Where(parameter => parameter.GetProperty("in").GetString() == "header")
            .Select(parameter => $"{parameter.GetProperty("name").GetString()}:{(parameter.TryGetProperty("required", out var required) && required.GetBoolean() ? "required" : "optional")}");
        Assert.Equal(["If-Match:optional", "If-None-Match:optional", "Idempotency-Key:optional"], headers);
        Assert.Equal(["200", "201", "400", "401", "403", "409", "412", "413", "422", "503"], put.GetProperty("responses").EnumerateObject().Select(response => response.Name).Order(StringComparer.Ordinal));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["expires", "justification", "traitId"], PropertiesOf(schemas, "WaiverRequest"));
        Assert.Equal(["reason"], PropertiesOf(schemas, "WaiverDecision"));
        Assert.Superset(new HashSet<string> { "status", "requestedBy", "requestedAt", "decidedBy", "decidedAt", "decisionReason" }, PropertiesOf(schemas, "Waiver").ToHashSet());
    }

    [Fact]
    public async Task A_bad_setting_stops_the_start_naming_the_setting_and_the_value()
    {
        await using var host = new ApiHost(("Governance:Api:MaxBodyBytes", "0"));

        var failure = Assert.Throws<OptionsValidationException>(() => host.Client(user: null));

        Assert.Contains("Governance:Api:MaxBodyBytes must be a positive number of bytes, was 0", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.1.2.3:8080", false)]
    public void Only_loopback_addresses_count_as_private(string address, bool loopback) =>
        Assert.Equal(loopback, ApiStartupNotice.IsLoopback(address));

    private static List<string> PropertiesOf(JsonElement schemas, string schema) =>
        [.. schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
