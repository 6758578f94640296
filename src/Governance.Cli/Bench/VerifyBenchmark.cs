using System.CommandLine;
using System.Diagnostics;
using Governance.Cli.Infrastructure;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Storage;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench verify</c>: a generated fleet imported, then redefined round after round until the history holds
/// <c>--entries</c>; then a full and an incremental verification timed in process, and <c>history verify</c> as a user runs it.
/// </summary>
public sealed class VerifyBenchmark
{
    // Redefinitions are written this many services to a transaction, so that memory stays flat whatever the fleet's size.
    private const int ServicesPerTransaction = 5_000;

    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 100_000 };

    private readonly Option<int> _entries = new("--entries") { Description = "How many history entries to verify, at least", DefaultValueFactory = _ => 1_000_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    public static Command Create(CommandBinder binder) => new VerifyBenchmark().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("verify", "Grow a generated fleet's history to --entries, then time full, incremental and whole-command verification") { _services, _entries, _seed }, RunAsync);

    private Task<int> RunAsync(Invocation run) =>
        BenchProcess.InWorkspaceAsync(run, "verify", async workspace =>
        {
            var database = await BenchProcess.GenerateAndImportAsync(run, run.Get(_services), run.Get(_seed), workspace);
            return await MeasureAsync(run, database, await GrowHistoryAsync(run, database, run.Get(_entries)));
        });

    // Every service is redefined with a new description once per round (merged, so nothing else changes): one entry each
    // time. A transaction holds all the rounds of a chunk of services, so each state row is written once per chunk.
    private static async Task<double> GrowHistoryAsync(Invocation run, string database, int entries)
    {
        var clock = Stopwatch.StartNew();
        await using var store = await run.OpenExistingStoreAsync(database);
        var services = (await store.ListServicesAsync(new ServiceQuery(), run.CancellationToken)).Select(service => service.State.Profile).ToList();
        var missing = entries - (await store.GetStatisticsAsync(run.CancellationToken)).HistoryEntries;
        var rounds = services.Count == 0 || missing <= 0 ? 0 : (int)((missing + services.Count - 1) / services.Count);
        foreach (var chunk in services.Chunk(ServicesPerTransaction))
        {
            var redefined = Enumerable.Range(1, rounds)
                .SelectMany(round => chunk.Select(profile => new DefineService(profile with { Description = $"revision {round}" }) { Mode = DefinitionMode.Merge }))
                .ToList();
            await store.ApplyBatchAsync(new CatalogBatch(redefined, []), "bench", cancellationToken: run.CancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<VerifyFigures> MeasureAsync(Invocation run, string database, double growSeconds)
    {
        HistoryVerification full;
        HistoryVerification incremental;
        await using (var store = await run.OpenExistingStoreAsync(database))
        {
            full = await store.VerifyHistoryAsync(VerificationScope.Full, run.CancellationToken);
            await store.VerifyAndRecordHistoryAsync(VerificationScope.Full, run.CancellationToken);
            var one = (await store.ListServicesAsync(new ServiceQuery(), run.CancellationToken))[0].State.Profile;
            await store.ExecuteAsync(one.Id, new DefineService(one with { Description = "after the checkpoint" }) { Mode = DefinitionMode.Merge }, "bench", cancellationToken: run.CancellationToken);
            incremental = await store.VerifyHistoryAsync(VerificationScope.Incremental, run.CancellationToken);
        }

        if (!full.IsIntact || !incremental.IsIntact)
        {
            throw new CliException(ExitCodes.InternalError, "the benchmark's own store did not verify: " + string.Join("; ", full.ToRecord().Problems.Concat(incremental.ToRecord().Problems)));
        }

        var command = await BenchProcess.RunChildAsync(run, ["--db", database, "history", "verify"]);
        var incrementalCommand = await BenchProcess.RunChildAsync(run, ["--db", database, "history", "verify", "--incremental"]);
        return new VerifyFigures(full.EntriesChecked, full.States.StatesChecked, growSeconds, full.Elapsed.TotalSeconds, command.TotalSeconds,
            incremental.EntriesChecked, incremental.Elapsed.TotalSeconds, incrementalCommand.TotalSeconds);
    }
}

/// <summary>What <c>bench verify</c> measured: in process and as the whole command (a new process of this build).</summary>
public sealed record VerifyFigures(
    long Entries,
    long States,
    double GrowSeconds,
    double FullSeconds,
    double FullCommandSeconds,
    long IncrementalEntries,
    double IncrementalSeconds,
    double IncrementalCommandSeconds)
{
    public override string ToString() =>
        $"History of {Entries} entries and {States} states (grown in {GrowSeconds:F0} s).{Environment.NewLine}" +
        $"Full verification: {FullSeconds:F2} s in process; `history verify` as a new process {FullCommandSeconds:F2} s.{Environment.NewLine}" +
        $"Incremental verification of {IncrementalEntries} new entries (states all checked): {IncrementalSeconds:F2} s in process; `history verify --incremental` {IncrementalCommandSeconds:F2} s.";
}
