using System.CommandLine;
using System.Diagnostics;
using Governance.Application.Catalog;
using Governance.Cli.Generation;
using Governance.Cli.Infrastructure;
using Governance.Integrations.Generation;
using Governance.Integrations.Import;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench import</c>: measures generating and importing a synthetic fleet into a fresh SQLite file, in process by
/// phase, and then <c>import</c> as a user runs it: a new process that starts, creates and migrates the store, reads, checks and writes.
/// </summary>
public sealed class BenchCommand
{
    private readonly Option<int> _services = new("--services") { Description = "How many services to generate and import", DefaultValueFactory = _ => 20_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    public static Command Create(CommandBinder binder) => new BenchCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("bench", "Measure the product's speed on generated fleets")
    {
        binder.Bind(new Command("import", "Generate a fleet, write it in the fleet format, and import it into a fresh SQLite store") { _services, _seed }, RunAsync),
        AuditBenchmark.Create(binder),
        ApiBenchmark.Create(binder),
        BrowseBenchmark.Create(binder),
        PagesBenchmark.Create(binder),
        ExportBenchmark.Create(binder),
        VerifyBenchmark.Create(binder),
    };

    private Task<int> RunAsync(Invocation run) => BenchProcess.InWorkspaceAsync(run, "import", workspace => MeasureAsync(run, workspace));

    private async Task<ImportBenchmark> MeasureAsync(Invocation run, string workspace)
    {
        var prepared = Prepare(run.Get(_services), run.Get(_seed), Path.Combine(workspace, "fleet"));
        await using var store = await run.OpenStoreAsync(Path.Combine(workspace, "bench.db"));
        var clock = Stopwatch.StartNew();
        var outcome = await CatalogImport.RunAsync(store, prepared.Files, new ImportOptions(), "bench", dryRun: false, run.Context.Time, run.CancellationToken);
        var imported = clock.Elapsed;
        if (outcome.Rejected || outcome.Batch is null)
        {
            throw new CliException(ExitCodes.InvalidInput, "the generated fleet did not import: " + string.Join("; ", ImportReport.From(outcome).Errors.Take(5)));
        }

        var statistics = await store.GetStatisticsAsync(run.CancellationToken);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        var command = await BenchProcess.RunChildAsync(run, ["--db", Path.Combine(workspace, "command.db"), "--actor", "bench", "import", Path.Combine(workspace, "fleet")]);
        return new ImportBenchmark((int)statistics.Services, prepared.Dependencies, prepared.GenerateSeconds, prepared.WriteSeconds, imported.TotalSeconds,
            statistics.Services / imported.TotalSeconds, statistics.HistoryEntries, peak, command.TotalSeconds);
    }

    // Generation stays out of the import's measurement, and the generated fleet is garbage before the import starts.
    private static PreparedFleet Prepare(int services, int seed, string directory)
    {
        var clock = Stopwatch.StartNew();
        var fleet = FleetGenerator.Generate(services, seed);
        var generated = clock.Elapsed;
        var files = GenerateCommand.WriteFiles(fleet, directory);
        return new PreparedFleet(files, fleet.Services.Sum(service => service.Dependencies.Count), generated.TotalSeconds, (clock.Elapsed - generated).TotalSeconds);
    }

    private sealed record PreparedFleet(IReadOnlyList<string> Files, int Dependencies, double GenerateSeconds, double WriteSeconds);
}

/// <summary>The figures of one import benchmark run.</summary>
public sealed record ImportBenchmark(
    int Services,
    int Dependencies,
    double GenerateSeconds,
    double WriteSeconds,
    double ImportSeconds,
    double ServicesPerSecond,
    long HistoryEntries,
    long PeakMemoryMiB,
    double CommandSeconds)
{
    public override string ToString() =>
        $"Generated {Services} services ({Dependencies} dependencies) in {GenerateSeconds:F2} s and wrote them in {WriteSeconds:F2} s.{Environment.NewLine}" +
        $"Imported {Services} services into SQLite in {ImportSeconds:F2} s in process: {ServicesPerSecond:F0} services/s, {HistoryEntries} history entries; peak memory {PeakMemoryMiB} MiB.{Environment.NewLine}" +
        $"`import` as a user runs it (a new process, a new store): {CommandSeconds:F2} s.";
}
