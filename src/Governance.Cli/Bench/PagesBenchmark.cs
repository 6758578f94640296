using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Identity;
using Governance.Storage.Browsing;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench pages</c>: the web pages as a browser asks for them, timed on a generated fleet. The fleet is generated,
/// imported and audited once by child processes; a server node then runs in this process, and each page is requested over
/// loopback HTTP by a signed-in leader, from the request's first byte to the response's last (the browser's rendering is not in it).
/// </summary>
public sealed class PagesBenchmark
{
    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 100_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    private readonly Option<int> _repeat = new("--repeat") { Description = "How many times each page is timed (after one to warm up)", DefaultValueFactory = _ => 50 };

    public static Command Create(CommandBinder binder) => new PagesBenchmark().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("pages", "Generate, import and audit a fleet (in child processes), then serve it and time each web page over HTTP: p50 and p95") { _services, _seed, _repeat },
        RunAsync);

    private Task<int> RunAsync(Invocation run)
    {
        var repeat = BenchProcess.Repeat(run, _repeat);
        return BenchProcess.MeasureAuditedFleetAsync(run, "pages", run.Get(_services), run.Get(_seed), (database, _) => MeasureAsync(run, database, repeat));
    }

    private static async Task<List<ReadFigures>> MeasureAsync(Invocation run, string database, int repeat)
    {
        var (services, count, hub) = await ChooseServicesAsync(run, database, repeat + 1);
        await using var server = await BenchServer.StartAsync(run, database);
        using var http = await server.ClientAsync(run, database, Role.Leader);
        var next = 0;
        return
        [
            await TimePageAsync(http, $"overview ({count} services)", repeat, () => "/", run.CancellationToken),
            await TimePageAsync(http, "services, first page (riskiest first)", repeat, () => "/services", run.CancellationToken),
            await TimePageAsync(http, "services, filtered (tier 1, production, high risk)", repeat, () => "/services?tier=1&lifecycle=production&level=High", run.CancellationToken),
            await TimePageAsync(http, "services, searched ('payments')", repeat, () => "/services?q=payments", run.CancellationToken),
            // A different service each time, so that each is a grain's first activation and not a cached page's second read.
            await TimePageAsync(http, "a service (a different one each time)", repeat, () => $"/services/{Uri.EscapeDataString(services[next++ % services.Count])}", run.CancellationToken),
            await TimePageAsync(http, $"the biggest hub's service page ({hub})", repeat, () => $"/services/{Uri.EscapeDataString(hub)}", run.CancellationToken),
            await TimePageAsync(http, "risks (the latest run's diff)", repeat, () => "/risks", run.CancellationToken),
            await TimePageAsync(http, $"risks, services like {hub}", repeat, () => $"/risks?like={Uri.EscapeDataString(hub)}", run.CancellationToken),
            await TimePageAsync(http, "waivers", repeat, () => "/waivers", run.CancellationToken),
            await TimePageAsync(http, "my work", repeat, () => "/my-work", run.CancellationToken),
        ];
    }

    /// <summary>The riskiest <paramref name="wanted"/> services, how many there are, and the hub with the most critical-path callers.</summary>
    private static async Task<(IReadOnlyList<string> Services, int Count, string Hub)> ChooseServicesAsync(Invocation run, string database, int wanted)
    {
        await using var store = await run.OpenExistingStoreAsync(database);
        var token = run.CancellationToken;
        var riskiest = await store.SearchServicesAsync(new ServiceSearch(Sort: ServiceSort.Risk, PageSize: Math.Min(wanted, ServiceSearch.MaxPageSize)), token);
        var count = (await store.CountServicesAsync(token)).Sum(tally => tally.Services);
        var run0 = await store.Audits.GetLatestSucceededRunAsync(token) ?? throw new CliException(ExitCodes.InternalError, "the audit stored no run");
        var hub = (await store.Audits.ListHubsAsync(run0.Id, 1, token)).Single().ServiceId;
        return ([.. riskiest.Services.Select(service => service.Id)], count, hub);
    }

    private static Task<ReadFigures> TimePageAsync(HttpClient http, string page, int repeat, Func<string> path, CancellationToken cancellationToken) =>
        BenchProcess.TimeAsync(page, repeat, async () =>
        {
            var address = path();
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(ExitCodes.InternalError, $"{address} answered {(int)response.StatusCode}");
            }

            return response.Content.Headers.ContentLength;
        });
}
