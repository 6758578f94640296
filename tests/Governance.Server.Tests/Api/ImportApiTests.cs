using System.Net;
using System.Text.Json;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Api;

/// <summary>POST /api/imports: the CLI's import on the server's store, its report, its file names, and its idempotency.</summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private const string Fleet = """
        apiVersion: governance/v1
        kind: Fleet
        services:
          - id: checkout
            name: Checkout
            owner: payments-team
            dependencies: [cart]
          - { id: cart, name: Cart, tier: 1 }
        """;

    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApiHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Files_are_imported_as_the_actor_and_reported_as_import_json_reports_them()
    {
        using var client = _host.Client("user:importer");

        var response = await client.PostAsync("/api/imports", Body(("fleet/services.yaml", Fleet)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((false, true, 1, 2, 0, 0), (report.GetProperty("dryRun").GetBoolean(), report.GetProperty("applied").GetBoolean(), report.GetProperty("files").GetInt32(),
            report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        Assert.Equal(["service:checkout: owner 'payments-team' is not in the catalog"], report.GetProperty("dangling").EnumerateArray().Select(line => line.GetString()));
        Assert.Equal(["user:importer"], (await _host.HistoryAsync("checkout")).Select(entry => entry.Actor));
    }

    [Fact]
    public async Task Errors_name_the_files_as_the_client_named_them_and_nothing_is_written()
    {
        using var client = _host.Client();
        var bad = Fleet.Replace("tier: 1", "tier: 9", StringComparison.Ordinal);

        var response = await client.PostAsync("/api/imports", Body(("../catalog/bad.yaml", bad)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["../catalog/bad.yaml:8:35: services[1].tier: must be between 0 and 3, was 9"], report.GetProperty("errors").EnumerateArray().Select(line => line.GetString()));
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Empty(await _host.HistoryAsync("checkout"));
    }

    [Fact]
    public async Task A_location_may_lead_to_files_sent_with_it_but_nowhere_else()
    {
        using var client = _host.Client();
        const string Location = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: all }\nspec: { targets: [./services.yaml, /etc/hostname] }\n";

        var response = await client.PostAsync("/api/imports", Body(("catalog/all.yaml", Location), ("catalog/services.yaml", Fleet)));

        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["catalog/all.yaml:4:36: spec.targets[1]: the target is outside the files of this import: send it with them"], report.GetProperty("errors").EnumerateArray().Select(line => line.GetString()));
    }

    [Fact]
    public async Task Files_that_cannot_be_written_apart_are_a_validation_problem()
    {
        using var client = _host.Client();

        var response = await client.PostAsync("/api/imports", Body(("a/fleet.yaml", Fleet), ("./a/fleet.yaml", Fleet), ("..", Fleet)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            """{"files[1].path":["is the same file as files[0].path"],"files[2].path":["is required: a file path with a name, as the client knows the file"]}""",
            problem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_answer_and_refuses_another_body()
    {
        using var client = _host.Client();

        var first = await client.SendAsync(Keyed("import-1", Body(("fleet.yaml", Fleet))));
        var again = await client.SendAsync(Keyed("import-1", Body(("fleet.yaml", Fleet))));
        var other = await client.SendAsync(Keyed("import-1", Body(("fleet.yaml", Fleet.Replace("Cart", "Basket", StringComparison.Ordinal)))));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity), (first.StatusCode, again.StatusCode, other.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Single(await _host.HistoryAsync("cart"));
    }

    [Fact]
    public async Task A_key_whose_first_request_still_runs_is_a_409_and_nothing_runs()
    {
        using var client = _host.Client("user:alice");
        var body = JsonSerializer.Serialize(new { files = new[] { new { path = "fleet.yaml", content = Fleet } } });
        await using (var store = await _host.OpenStoreAsync())
        {
            // The request's fingerprint as the server takes it: SHA-256 of "METHOD\nPATH\n" and the body.
            var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"POST\n/api/imports\n{body}")));
            await store.Idempotency.ClaimAsync(new("user:alice", "import-1"), fingerprint, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5));
        }

        var response = await client.SendAsync(Keyed("import-1", ApiHost.Json(body)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("the first request with the key 'import-1' is still running; retry once it has answered", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Empty(await _host.HistoryAsync("cart"));
    }

    private static HttpRequestMessage Keyed(string key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static StringContent Body(params (string Path, string Content)[] files) =>
        ApiHost.Json(JsonSerializer.Serialize(new { files = files.Select(file => new { path = file.Path, content = file.Content }) }));
}
