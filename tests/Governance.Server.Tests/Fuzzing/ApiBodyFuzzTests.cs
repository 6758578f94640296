using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Governance.Fuzzing;
using Governance.Server.Tests.Support;
using Governance.Storage;
using Xunit.Abstractions;

namespace Governance.Server.Tests.Fuzzing;

/// <summary>
/// The write API on generated JSON bodies grown from the demo fleet's services and items and from valid waiver and import
/// requests: never a server error; a refused body is a 400 (or 413, 415, 422 as documented; 403, 404, 409, 412 are the domain's) whose problem names the
/// field, and a refused request leaves the history as it was.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ApiBodyFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Service = "checkout";

    private static readonly HttpStatusCode[] _answers =
    [
        HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict,
        HttpStatusCode.PreconditionFailed, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity,
    ];

    private ApiHost _host = null!;
    private HttpClient _client = null!;
    private GovernanceStore _store = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiHost();
        _client = _host.Client();
        _store = await _host.OpenStoreAsync();
        await SendAsync(HttpMethod.Put, $"/api/services/{Service}", """{"name": "Checkout", "tier": 1, "dependencies": ["cart"]}""", "application/json");
        await SendAsync(HttpMethod.Post, $"/api/services/{Service}/remediation-items", """{"id": "CHK-1", "title": "Cache the cart", "openedOn": "2026-11-20"}""", "application/json");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Any_service_remediation_or_waiver_body_is_answered_without_a_server_error()
    {
        var services = Documents.Parts(SeedCorpus.Fleet.Take(1).ToList(), "services", "*");
        var items = Documents.Parts(SeedCorpus.Fleet.Take(1).ToList(), "services", "*", "remediationItems", "*");
        SeedFile[] waivers = [new("waiver request", """{"traitId": "single-zone", "justification": "Moving in Q1", "expires": "2026-12-31"}""")];
        SeedFile[] decisions = [new("decision", """{"reason": "Accepted until the move"}""")];
        var requests = Gen.OneOf(
            Request(HttpMethod.Put, $"/api/services/{Service}", Documents.Any(WithoutId(services), DocumentForm.Json)),
            Request(HttpMethod.Patch, $"/api/services/{Service}", Documents.Any(WithoutId(services), DocumentForm.Json), "application/merge-patch+json"),
            Request(HttpMethod.Post, $"/api/services/{Service}/remediation-items", Documents.Any(items, DocumentForm.Json)),
            Request(HttpMethod.Patch, $"/api/services/{Service}/remediation-items/CHK-1", Documents.Any(items, DocumentForm.Json)),
            Request(HttpMethod.Post, $"/api/services/{Service}/waivers", Documents.Any(waivers, DocumentForm.Json)),
            Request(HttpMethod.Post, $"/api/services/{Service}/waivers/single-zone/approve", Documents.Any(decisions, DocumentForm.Json)),
            Request(HttpMethod.Post, $"/api/services/{Service}/waivers/single-zone/reject", Documents.Any(decisions, DocumentForm.Json)));

        await FuzzBudget.CheckAsync(requests, CheckAsync, output.WriteLine);
    }

    [Fact]
    public async Task Any_import_request_is_answered_without_a_server_error_and_a_refused_one_writes_nothing()
    {
        var catalogs = SeedCorpus.Fleet.Concat(SeedCorpus.Backstage).ToList();
        var requests = Gen.OneOf(
            // The request's own JSON mutated: its files list, paths, switches.
            Request(HttpMethod.Post, "/api/imports", Documents.Any([.. catalogs.Take(4).Select(seed => new SeedFile(seed.Name, ImportRequest(seed.Text)))], DocumentForm.Json)),

            // A well-formed request carrying a generated catalog beside a valid file of a new service, which a partial write would add.
            Request(HttpMethod.Post, "/api/imports", Gen.Select(Documents.Any(catalogs), Gen.Int[0, int.MaxValue], (document, fresh) => document with
            {
                Bytes = Encoding.UTF8.GetBytes(ImportRequest(document.Text, $"apiVersion: governance/v1\nkind: Fleet\nservices:\n  - {{ id: fresh-{fresh}, name: Fresh }}\n")),
            })));

        await FuzzBudget.CheckAsync(requests, CheckAsync, output.WriteLine);
    }

    private async Task CheckAsync(FuzzRequest request)
    {
        var before = await _store.GetStatisticsAsync();

        using var response = await SendAsync(request.Method, request.Path, request.Body.Bytes, request.ContentType);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(_answers.Contains(response.StatusCode), $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.NotEmpty(errors.EnumerateObject());
            // A field is named as the body writes it, even " " or an unknown member named ""; a problem with no field of its own names the body.
            Assert.All(errors.EnumerateObject(), field => Assert.True(
                field.Name.Length > 0 || field.Value.EnumerateArray().All(message => message.GetString()!.StartsWith("unknown field", StringComparison.Ordinal)), body));
        }

        if (!response.IsSuccessStatusCode)
        {
            var after = await _store.GetStatisticsAsync();
            Assert.Equal((before.Services, before.HistoryEntries), (after.Services, after.HistoryEntries));
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string contentType) =>
        SendAsync(method, path, Encoding.UTF8.GetBytes(body), contentType);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        return _client.SendAsync(new HttpRequestMessage(method, path) { Content = content });
    }

    private static Gen<FuzzRequest> Request(HttpMethod method, string path, Gen<FuzzDocument> bodies, string contentType = "application/json") =>
        bodies.Select(body => new FuzzRequest(method, path, body, contentType));

    /// <summary>The services without their id: the route names it.</summary>
    private static IReadOnlyList<SeedFile> WithoutId(IReadOnlyList<SeedFile> services) =>
        [.. services.Select(seed => seed with { Text = string.Join('\n', seed.Text.Split('\n').Where(line => !line.StartsWith("id: ", StringComparison.Ordinal))) })];

    private static string ImportRequest(string content, string? valid = null)
    {
        var files = valid is null
            ? new object[] { new { path = "catalog/generated.yaml", content } }
            : [new { path = "catalog/valid.yaml", content = valid }, new { path = "catalog/generated.yaml", content }];
        return JsonSerializer.Serialize(new { files, dryRun = false, skipInvalid = false });
    }

    /// <summary>A generated request: CsCheck prints it on failure.</summary>
    private sealed record FuzzRequest(HttpMethod Method, string Path, FuzzDocument Body, string ContentType)
    {
        public override string ToString() => $"{Method} {Path} ({ContentType}): {Body}";
    }
}
