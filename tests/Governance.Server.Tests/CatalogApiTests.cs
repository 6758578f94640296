using System.Net;
using System.Text.Json;
using Governance.Application.Identity;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Identity;
using Governance.Server.Tests.Support;
using Governance.Storage;
using Governance.Storage.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests;

public sealed class CatalogApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SeededAt = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("governance-api-");
    private readonly FakeTimeProvider _time = new(SeededAt);
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    private string DatabasePath => Path.Combine(_directory.FullName, "api.db");

    public async Task InitializeAsync()
    {
        string token;
        await using (var store = await GovernanceStore.OpenAsync(DatabasePath, _time))
        {
            var viewer = await new LocalAccounts(store, _time, LockoutPolicy.Default)
                .AddAsync(new NewAccount("viewer", new HashSet<Role> { Role.Viewer }, Script: true), TimeSpan.FromDays(1));
            token = ((AccountCreation.Created)viewer).Secret;
            foreach (var (id, tier, owner) in new[] { ("gateway", 0, "edge"), ("billing", 1, "money"), ("search", 0, "money") })
            {
                await store.ExecuteAsync(id, new DefineService(new ServiceProfile(id, id) { Tier = tier, Owner = owner }), "test");
            }
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Governance:Database", DatabasePath);
            builder.UseSetting("Governance:Verification:Enabled", "false"); // the tests record verifications themselves
            foreach (var (key, value) in SiloPorts.Settings())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time));
        });
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Health_reports_the_store_and_its_size()
    {
        var health = await GetJsonAsync("/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("dialect").GetString());
        Assert.Equal(3, health.GetProperty("services").GetInt64());
    }

    [Fact]
    public async Task Services_filter_by_team_and_tier()
    {
        var money = await GetJsonAsync("/api/services?team=money");
        var tierZero = await GetJsonAsync("/api/services?tier=0");

        Assert.Equal(["billing", "search"], Ids(money));
        Assert.Equal(["gateway", "search"], Ids(tierZero));
    }

    [Fact]
    public async Task Services_come_a_page_at_a_time_with_the_total()
    {
        var first = await GetJsonAsync("/api/services?pageSize=2");
        var second = await GetJsonAsync("/api/services?pageSize=2&page=2");

        Assert.Equal(["billing", "gateway"], Ids(first));
        Assert.Equal(["search"], Ids(second));
        Assert.Equal((3, 2), (second.GetProperty("total").GetInt32(), second.GetProperty("pages").GetInt32()));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task A_page_out_of_range_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync($"/api/services?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_out_of_range_tier_is_a_problem_naming_the_field()
    {
        var response = await _client.GetAsync("/api/services?tier=9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"tier\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task One_service_is_shown_with_its_version_and_an_unknown_one_is_not_found()
    {
        var gateway = await GetJsonAsync("/api/services/gateway");
        var missing = await _client.GetAsync("/api/services/nowhere");

        Assert.Equal(1, gateway.GetProperty("version").GetInt64());
        Assert.Equal(SeededAt, gateway.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal("edge", gateway.GetProperty("state").GetProperty("profile").GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_verification_is_answered_from_the_last_one_recorded()
    {
        var before = await _client.GetAsync("/api/history/verify");
        await using (var store = await GovernanceStore.OpenExistingAsync(DatabasePath, _time))
        {
            await store.VerifyAndRecordHistoryAsync(Domain.History.VerificationScope.Full);
            await store.ExecuteAsync("gateway", new DefineService(new ServiceProfile("gateway", "Gateway") { Tier = 0, Owner = "edge" }), "test");
        }

        var verification = await GetJsonAsync("/api/history/verify");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.True(verification.GetProperty("isIntact").GetBoolean());
        Assert.Equal("full", verification.GetProperty("scope").GetString());
        Assert.Equal((3, 3), (verification.GetProperty("entriesChecked").GetInt64(), verification.GetProperty("statesChecked").GetInt64()));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("services").EnumerateArray().Select(service => service.GetProperty("id").GetString()!)];
}
