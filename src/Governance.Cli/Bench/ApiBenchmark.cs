using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Governance.Application.Catalog;
using Governance.Cli.Generation;
using Governance.Cli.Infrastructure;
using Governance.Domain.Commands;
using Governance.Domain.Identity;
using Governance.Domain.Remediation;
using Governance.Integrations.Generation;
using Governance.Integrations.Import;
using Governance.Storage;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench api</c>: commands per second and latency through the write API on one node — HTTP, the service's
/// grain, its rules, the commit of state and history, and the risk re-evaluation — against a generated fleet.
/// </summary>
public sealed class ApiBenchmark
{
    private const string Item = "BENCH-1";
    private const string Actor = "user:bench";

    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 1_000 };

    private readonly Option<int> _commands = new("--commands") { Description = "How many commands to send (after 500 to warm up)", DefaultValueFactory = _ => 20_000 };

    private readonly Option<int> _concurrency = new("--concurrency") { Description = "How many requests are in flight at once", DefaultValueFactory = _ => 16 };

    public static Command Create(CommandBinder binder) => new ApiBenchmark().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("api", "Send remediation-item changes through the write API of one server node and time them (SQLite by default; --db names another store)") { _services, _commands, _concurrency },
        RunAsync);

    private Task<int> RunAsync(Invocation run) =>
        BenchProcess.InWorkspaceAsync(run, "api", async workspace =>
        {
            var database = run.ExplicitDatabase ?? Path.Combine(workspace, "bench.db");
            return await MeasureAsync(run, database, await SeedAsync(run, database, workspace));
        });

    /// <summary>Imports a generated fleet and gives every service an item to change; returns the service ids.</summary>
    private async Task<IReadOnlyList<string>> SeedAsync(Invocation run, string database, string workspace)
    {
        var fleet = FleetGenerator.Generate(run.Get(_services), seed: 1);
        var files = GenerateCommand.WriteFiles(fleet, Path.Combine(workspace, "fleet"));
        await using var store = await run.OpenStoreAsync(database);
        var import = await CatalogImport.RunAsync(store, files, new ImportOptions(), Actor, dryRun: false, run.Context.Time, run.CancellationToken);
        if (import.Rejected)
        {
            throw new CliException(ExitCodes.InternalError, "the generated fleet did not import");
        }

        var ids = fleet.Services.Select(service => service.Id).ToList();
        var today = DateOnly.FromDateTime(run.Context.Time.GetUtcNow().UtcDateTime);
        foreach (var id in ids)
        {
            var item = new RemediationItem(Item, "Benchmark item") { OpenedOn = today, Eta = today.AddDays(90) };
            await store.ExecuteAsync(id, new OpenRemediationItem(item), Actor, cancellationToken: run.CancellationToken);
        }

        return ids;
    }

    private async Task<ApiFigures> MeasureAsync(Invocation run, string database, IReadOnlyList<string> services)
    {
        await using var server = await BenchServer.StartAsync(run, database);
        using var http = await server.ClientAsync(run, database, Role.Administrator);
        await SendAsync(http, services, 500, run.Get(_concurrency), run.CancellationToken);
        var clock = Stopwatch.StartNew();
        var latencies = await SendAsync(http, services, run.Get(_commands), run.Get(_concurrency), run.CancellationToken);
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return new ApiFigures(
            StoreAddress.Resolve(database).Dialect, services.Count, latencies.Length, run.Get(_concurrency), elapsed.TotalSeconds,
            latencies.Length / elapsed.TotalSeconds, BenchProcess.Percentile(latencies, 0.50), BenchProcess.Percentile(latencies, 0.99), latencies[^1]);
    }

    /// <summary>Sends <paramref name="count"/> owner changes, round-robin over the services, <paramref name="concurrency"/> at a time; each one's latency in ms.</summary>
    private static async Task<double[]> SendAsync(HttpClient http, IReadOnlyList<string> services, int count, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PatchAsJsonAsync(
                    $"/api/services/{Uri.EscapeDataString(services[i % services.Count])}/remediation-items/{Item}",
                    new { owner = $"owner-{i}" },
                    cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new CliException(ExitCodes.InternalError, $"command {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }));
        return latencies;
    }
}

/// <summary>The figures of one API benchmark run.</summary>
public sealed record ApiFigures(string Store, int Services, int Commands, int Concurrency, double Seconds, double CommandsPerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    public override string ToString() =>
        $"{Commands} commands through the API on one node ({Store}, {Services} services, {Concurrency} in flight): {Seconds:F2} s, " +
        $"{CommandsPerSecond:F0} commands/s; latency p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, max {MaxMs:F1} ms.";
}
