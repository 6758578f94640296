using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Application.Catalog;
using Governance.Grains.Tests.Support;
using Governance.Integrations.Import;
using Governance.Storage;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Grains.Tests;

/// <summary>Two real `governance serve` processes on one real PostgreSQL: one cluster, failover after SIGKILL, audits once per trigger.</summary>
[RequiresPostgreSql]
[Collection(GrainPostgresCollection.Name)]
public sealed class TwoNodeClusterTests(PostgresServer server) : IAsyncLifetime
{
    private const string Service = "feature-enablement";
    private static readonly TimeSpan AuditEvery = TimeSpan.FromSeconds(5);

    private PostgresTestDatabase _database = null!;
    private GovernanceStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _store = await GovernanceStore.OpenAsync(_database.ConnectionString, TimeProvider.System);
        var demo = Path.Combine(Repository.Root, "src", "Governance.Cli", "Demo", "demo-fleet.yaml");
        var import = await CatalogImport.RunAsync(_store, [demo], new ImportOptions(), "user:test", dryRun: false, TimeProvider.System);
        Assert.False(import.Rejected);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [StoreFact]
    public async Task A_killed_nodes_grains_answer_from_the_other_node_and_no_audit_is_lost_or_doubled()
    {
        var settings = new Dictionary<string, string> { ["Governance__Audit__Schedule"] = $"0/{AuditEvery.TotalSeconds} * * * * ?" };
        await using var first = await ServerNode.StartAsync(_database.ConnectionString, settings);
        await using var second = await ServerNode.StartAsync(_database.ConnectionString, settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // The default placement activates a grain on the silo that called it: the first node holds it.
        var before = await VersionAsync(http, first.Address);
        await first.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var after = await VersionAsync(http, second.Address);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the read through the surviving node took {clock.Elapsed}\n{second.Output}");
        Assert.Equal(before, after);
        var runs = await ScheduledRunsAsync(since: killedAt, atLeast: 3);
        AssertOncePerTrigger(runs);
    }

    private static async Task<long> VersionAsync(HttpClient http, Uri node)
    {
        using var response = await http.GetAsync(new Uri(node, $"/api/services/{Service}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("version").GetInt64();
    }

    /// <summary>The scheduled runs once at least <paramref name="atLeast"/> succeeded after <paramref name="since"/>: the store is read each second, up to a minute.</summary>
    private async Task<IReadOnlyList<AuditRun>> ScheduledRunsAsync(DateTimeOffset since, int atLeast)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var runs = (await _store.Audits.ListAuditsAsync(200)).Where(run => run.Trigger == "scheduled").OrderBy(run => run.StartedAt).ToList();
            if (runs.Count(run => run.Status == AuditRunStatus.Succeeded && run.StartedAt > since) >= atLeast || deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                return runs;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// As many succeeded runs as trigger times from the first run's to the last one's: none lost, none doubled. Runs are
    /// counted, not matched to times, because the firings a killed node held are fired late, together, once a survivor
    /// has found it dead (Quartz's cluster check-in), and then start in a later slot than the time they were due.
    /// </summary>
    private static void AssertOncePerTrigger(IReadOnlyList<AuditRun> runs)
    {
        var succeeded = runs.Where(run => run.Status == AuditRunStatus.Succeeded).Select(run => Slot(run.StartedAt)).ToList();
        var described = string.Join("\n", runs.Select(run => $"{run.Id} {run.StartedAt:HH:mm:ss.fff} {run.Status} {run.Failure}"));
        Assert.True(succeeded.Count >= 3, $"only {succeeded.Count} scheduled audits succeeded:\n{described}");
        Assert.True(succeeded[^1] - succeeded[0] + 1 == succeeded.Count, $"{succeeded.Count} audits for {succeeded[^1] - succeeded[0] + 1} trigger times:\n{described}");
    }

    private static long Slot(DateTimeOffset startedAt) => startedAt.ToUnixTimeMilliseconds() / (long)AuditEvery.TotalMilliseconds;
}
