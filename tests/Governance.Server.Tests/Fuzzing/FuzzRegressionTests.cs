using System.Net;
using System.Text.Json;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Fuzzing;

/// <summary>Bodies the fuzz tests found answered with a 500 or with a problem naming no field, each written out as found (shrunk).</summary>
public sealed class FuzzRegressionTests : IAsyncLifetime
{
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
    public async Task An_import_whose_file_is_null_is_a_400_naming_it()
    {
        // Found by the API fuzzer in CI (seed bBOR2ZtD5kz8): a 500.
        var response = await _client.PostAsync("/api/imports", ApiHost.Json("""{"files": [null], "dryRun": false, "skipInvalid": false}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"files[0]":["is required: an object with a path and a content"]}""", await ErrorsAsync(response));
    }

    [Fact]
    public async Task A_waiver_request_that_starts_with_a_byte_order_mark_is_read_as_without_it()
    {
        // Found by the API fuzzer in CI (seed 391g_0oE2ao4): a 500, since the handler parsed the text with the mark in it.
        var body = "\uFEFF{\"traitId\": \"single-zone\", \"justification\": \"Moving in Q1\", \"expires\": \"2026-12-31\"}";

        var response = await _client.PostAsync("/api/services/checkout/waivers", ApiHost.Json(body));

        // The service is not in this empty store: the answer to the request itself, not to its encoding.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_body_of_a_document_end_marker_and_more_is_a_400_naming_the_body()
    {
        var response = await _client.PutAsync("/api/services/checkout", ApiHost.Json("...\na"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"(body)":["is not well-formed JSON: the parser cannot continue after this node (is a [ or { left unclosed?)"]}""", await ErrorsAsync(response));
        Assert.Empty(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_service_body_that_is_not_an_object_is_a_400_naming_the_body()
    {
        var response = await _client.PutAsync("/api/services/checkout", ApiHost.Json("\t\"production\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"(body)":["must be a mapping with at least an id and a name, was 'production'"]}""", await ErrorsAsync(response));
        Assert.Empty(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_body_cut_off_inside_a_member_with_an_empty_name_is_a_400_naming_the_body()
    {
        var response = await _client.PostAsync("/api/imports", ApiHost.Json("""{"": [{"path": "a.yaml", "content": "x"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"(body)":["Expected end of string, but instead reached end of data. (line 1, column 39)"]}""", await ErrorsAsync(response));
    }

    [Fact]
    public async Task An_empty_body_where_one_is_required_is_a_400_naming_the_body()
    {
        var response = await _client.PatchAsync("/api/services/checkout/remediation-items/CHK-1", ApiHost.Json(string.Empty));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"(body)":["is required: this request takes a JSON body"]}""", await ErrorsAsync(response));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetRawText();
}
