using System.Net;
using System.Text.Json;
using Governance.Server.Tests.Support;
using Governance.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Server.Tests.Api;

/// <summary>Bodies too big or too deep are problems (400, 413, or an import's 422 report) naming the field or the limit, never a 500 or a crash.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApiHost(("Governance:Api:MaxBodyBytes", "4000"), ("Governance:Api:MaxImportBytes", "8000"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_service_body_nested_deeper_than_64_is_a_400_naming_the_field_and_its_place()
    {
        using var client = _host.Client();
        const string Prefix = """{"name": "Checkout", "annotations": """;
        var body = Prefix + string.Concat(Enumerable.Repeat("""{"a": """, 100)) + "\"x\"" + new string('}', 101);

        var response = await client.PutAsync("/api/services/checkout", ApiHost.Json(body));

        // The body is level 1 and annotations' mapping level 2; each {"a": is six characters, so the 64th opens level 65.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("""{"annotations.a.a.a.a.a.a.a…":["lists and mappings nested more than 64 deep (the limit)"]}""", problem.GetProperty("errors").GetRawText());
        Assert.Equal($$$"""{"annotations.a.a.a.a.a.a.a…":{"line":1,"column":{{{Prefix.Length + 1 + (6 * 63)}}}}}""", problem.GetProperty("locations").GetRawText());
        Assert.Empty(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_service_body_with_a_text_value_over_64_KiB_is_a_400_naming_the_field()
    {
        await using var host = new ApiHost(("Governance:Api:MaxBodyBytes", "200000"));
        using var client = host.Client();

        var response = await client.PutAsync("/api/services/checkout", ApiHost.Json($$"""{"name": "Checkout", "description": "{{new string('x', 65_537)}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"description":["a text value of 65,537 characters; at most 65,536 are read"]}""", (await ProblemAsync(response)).GetProperty("errors").GetRawText());
        Assert.Empty(await host.HistoryAsync("checkout"));
    }

    [Theory]
    [InlineData("/api/services/checkout/waivers", """{"traitId": "single-zone", "expires": "2027-01-01", "extra": """)]
    [InlineData("/api/imports", """{"files": [], "extra": """)]
    public async Task A_typed_json_body_nested_deeper_than_64_is_a_400_naming_the_field_not_a_500(string route, string prefix)
    {
        using var client = _host.Client();

        var response = await client.PostAsync(route, ApiHost.Json(prefix + new string('[', 100) + new string(']', 100) + "}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await ProblemAsync(response)).GetProperty("errors").EnumerateObject());
        Assert.Equal("extra", error.Name);
        Assert.StartsWith("The maximum configured depth of 64 has been exceeded", Assert.Single(error.Value.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_body_over_its_limit_is_a_413_naming_the_setting()
    {
        using var client = _host.Client();

        var response = await client.PostAsync("/api/imports", ImportBody(("fleet.yaml", $"# {new string('x', 8000)}\n")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("this request's body may hold at most 8000 bytes (Governance:Api:MaxImportBytes)", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_imported_file_nested_too_deep_is_a_422_report_naming_the_file_as_sent_and_nothing_is_written()
    {
        using var client = _host.Client();
        var deep = $"apiVersion: governance/v1\nkind: Fleet\nservices: {new string('[', 1000)}{new string(']', 1000)}\n";

        var response = await client.PostAsync("/api/imports", ImportBody(("catalog/deep.yaml", deep)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await ProblemAsync(response);
        Assert.Equal(
            ["catalog/deep.yaml:3:74: services[0][0][0][0][0][0][0]…: lists and mappings nested more than 64 deep (the limit)"],
            report.GetProperty("errors").EnumerateArray().Select(line => line.GetString()));
        Assert.False(report.GetProperty("applied").GetBoolean());
        await using var store = await _host.OpenStoreAsync();
        Assert.Empty(await store.ListServicesAsync(new ServiceQuery()));
    }

    [Fact]
    public void Every_request_body_a_form_s_too_is_held_to_the_write_limit_and_json_to_64_levels()
    {
        var services = _host.Services;

        Assert.Equal(4000, services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(4000, services.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit);
        Assert.Equal(64, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.MaxDepth);
    }

    private static StringContent ImportBody(params (string Path, string Content)[] files) =>
        ApiHost.Json(JsonSerializer.Serialize(new { files = files.Select(file => new { path = file.Path, content = file.Content }) }));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
