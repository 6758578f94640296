using System.CommandLine;
using Governance.Application.Browsing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Audit;
using Governance.Storage;
using Governance.Storage.Browsing;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench browse</c>: what the web pages read, timed on a generated fleet — the fleet overview, pages of the
/// services list (the first, a filtered, a searched and the riskiest first), one service's state and trend, the biggest hub's
/// callers and the fleet's waivers. The fleet is generated, imported and audited once by child processes, and waivers are
/// asked for and approved on some of its services in this process; each read then runs repeatedly in this process.
/// </summary>
public sealed class BrowseBenchmark
{
    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 20_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    private readonly Option<int> _repeat = new("--repeat") { Description = "How many times each read is timed (after one to warm up)", DefaultValueFactory = _ => 50 };

    public static Command Create(CommandBinder binder) => new BrowseBenchmark().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("browse", "Generate, import and audit a fleet (in child processes), then time the reads of the web pages: p50 and p95 of each") { _services, _seed, _repeat },
        RunAsync);

    private Task<int> RunAsync(Invocation run)
    {
        var repeat = BenchProcess.Repeat(run, _repeat);
        return BenchProcess.MeasureAuditedFleetAsync(run, "browse", run.Get(_services), run.Get(_seed), async (database, _) =>
        {
            await using var store = await run.OpenExistingStoreAsync(database);
            await BenchWaivers.AddAsync(store, run);
            return await MeasureAsync(store, run, repeat);
        });
    }

    private static async Task<List<ReadFigures>> MeasureAsync(GovernanceStore store, Invocation run, int repeat)
    {
        var token = run.CancellationToken;
        var riskiest = new ServiceSearch(Sort: ServiceSort.Risk, PageSize: Math.Min(repeat + 1, ServiceSearch.MaxPageSize));
        var ids = (await store.SearchServicesAsync(riskiest, token)).Services.Select(service => service.Id).ToList();
        var services = (await store.CountServicesAsync(token)).Sum(count => count.Services);
        var audit = await store.Audits.GetLatestSucceededRunAsync(token) ?? throw new CliException(ExitCodes.InternalError, "the fleet's audit did not succeed");
        var hub = (await store.Audits.ListHubsAsync(audit.Id, 1, token))[0].ServiceId;
        var callers = (await store.GetCallersAsync(hub, 0, token)).Total;
        var waivers = await FleetWaivers.LoadAsync(store, run.Context.Time, token);
        var next = 0;
        return
        [
            await BenchProcess.TimeAsync($"fleet overview ({services} services)", repeat, () => FleetOverview.LoadAsync(store, run.Context.Time, cancellationToken: token)),
            await BenchProcess.TimeAsync("services list, first page of 50", repeat, () => ServiceDirectory.SearchAsync(store, new ServiceSearch(), token)),
            await BenchProcess.TimeAsync("services list, filtered (tier 1, production, high risk)", repeat,
                () => ServiceDirectory.SearchAsync(store, new ServiceSearch(Tier: 1, Lifecycle: "production", Level: RiskLevel.High), token)),
            await BenchProcess.TimeAsync("services list, searched ('payments')", repeat, () => ServiceDirectory.SearchAsync(store, new ServiceSearch(Text: "payments"), token)),
            await BenchProcess.TimeAsync("services list, riskiest first", repeat, () => ServiceDirectory.SearchAsync(store, new ServiceSearch(Sort: ServiceSort.Risk), token)),
            await BenchProcess.TimeAsync("one service: state and trend", repeat, async () =>
            {
                // A different service each time: one read twice would only measure the database's cache.
                var id = ids[next++ % ids.Count];
                return (await store.GetServiceAsync(id, token), await ServiceTrend.LoadAsync(store, id, cancellationToken: token));
            }),
            await BenchProcess.TimeAsync($"callers of the biggest hub ({hub}, {callers} callers), first 100", repeat, () => store.GetCallersAsync(hub, 100, token)),
            await BenchProcess.TimeAsync($"waivers page ({waivers.Requested.Count} requested, {waivers.Expiring.Count} expiring, {waivers.Active} apply)", repeat,
                () => FleetWaivers.LoadAsync(store, run.Context.Time, token)),
        ];
    }
}

/// <summary>How long one read of the web pages took, over its repeated calls.</summary>
public sealed record ReadFigures(string Read, int Calls, double P50Ms, double P95Ms, double MaxMs)
{
    public override string ToString() => $"{Read}: p50 {P50Ms:F1} ms, p95 {P95Ms:F1} ms, max {MaxMs:F1} ms ({Calls} calls)";
}
