using System.CommandLine;
using System.Diagnostics;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Audit;
using Governance.Domain.Graph;
using Governance.Domain.Policies;
using Governance.Integrations.Generation;
using Governance.Storage;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench audit</c>: the full audit of a generated fleet — read from the database, graph facts, every policy,
/// the run stored — timed by phase, then <c>audit run</c> timed as a user runs it: a new process that starts, opens and
/// migrates the store, loads the policies, audits, stores and prints the run. The fleet is generated and imported by child
/// processes, so the peak memory is the audit's. Every audit is as of the generator's fixed day, so the traits reproduce.
/// </summary>
public sealed class AuditBenchmark
{
    private const int SimilarQueries = 200;

    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 20_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    private readonly Option<string?> _policies = new("--policies") { Description = "The policy folder. Default: ./policies, else the shipped set" };

    public static Command Create(CommandBinder binder) => new AuditBenchmark().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("audit", "Generate and import a fleet (in child processes), then time the full audit of it") { _services, _seed, _policies }, RunAsync);

    private Task<int> RunAsync(Invocation run) =>
        BenchProcess.InWorkspaceAsync(run, "audit", async workspace =>
            await MeasureAsync(run, await BenchProcess.GenerateAndImportAsync(run, run.Get(_services), run.Get(_seed), workspace)));

    private async Task<AuditFigures> MeasureAsync(Invocation run, string database)
    {
        var policies = PolicyFolder.Load(PolicyFolder.Resolve(run.Get(_policies)));
        await using var store = await run.OpenExistingStoreAsync(database);
        var (cold, _) = await AuditOnceAsync(store, policies, run);

        // The first audit's results are garbage now: collect them, so the peak is one audit's, as in a server between runs.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var (warm, result) = await AuditOnceAsync(store, policies, run);
        var clock = Stopwatch.StartNew();
        var index = SimilarityIndex.Build(result);
        var indexed = clock.Elapsed;
        for (var query = 0; query < SimilarQueries; query++)
        {
            index.Rank(result.Profiles[0].ServiceId, 15);
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        var command = await BenchProcess.RunChildAsync(run, ["--db", database, "--actor", "bench", "audit", "run", "--as-of", $"{FleetGenerator.AsOf:yyyy-MM-dd}", .. PolicyArguments(run)]);
        return new AuditFigures(result.ServicesAudited, policies.Set.Policies.Count, result.Profiles.Sum(profile => profile.Traits.Count), cold, warm,
            command.TotalSeconds, indexed.TotalMilliseconds, (clock.Elapsed - indexed).TotalMilliseconds / SimilarQueries, peak);
    }

    private string[] PolicyArguments(Invocation run) => run.Get(_policies) is { } folder ? ["--policies", folder] : [];

    // One whole audit, phase by phase, exactly as FleetAudit runs it.
    private static async Task<(AuditTimes Times, AuditResult Result)> AuditOnceAsync(GovernanceStore store, PolicyEngine policies, Invocation run)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = await store.LoadSnapshotAsync(run.CancellationToken);
        var loaded = clock.Elapsed;
        var graph = FleetGraph.Compute(snapshot.Services, policies.Set.Targets);
        var graphed = clock.Elapsed;
        var result = policies.Evaluate(snapshot, graph, new DateTimeOffset(FleetGenerator.AsOf, TimeOnly.MinValue, TimeSpan.Zero));
        string[] serviceIds = [.. snapshot.Services.Select(service => service.Id)];
        var evaluated = clock.Elapsed;
        var runId = await store.Audits.BeginAuditAsync("bench", policies.Set.Hash, run.CancellationToken);
        await store.Audits.CompleteAuditAsync(runId, result, serviceIds, graph, run.CancellationToken);
        var stored = clock.Elapsed;
        return (new AuditTimes(loaded.TotalSeconds, (graphed - loaded).TotalSeconds, (evaluated - graphed).TotalSeconds, (stored - evaluated).TotalSeconds), result);
    }
}

/// <summary>How long each phase of one audit took, in seconds.</summary>
public sealed record AuditTimes(double Load, double Graph, double Evaluate, double Store)
{
    /// <summary>Reading from the database, graph facts and every policy: the audit itself.</summary>
    public double Audit => Load + Graph + Evaluate;

    public double Total => Audit + Store;

    public override string ToString() =>
        $"{Audit:F2} s to audit (load from the database {Load:F2} s, graph facts {Graph:F2} s, policies {Evaluate:F2} s), {Store:F2} s to store the run; {Total:F2} s in all";
}

/// <summary>
/// The figures of one audit benchmark: a first (cold) and a second (warm) audit in one process, and the whole <c>audit run</c>
/// command in a new one.
/// </summary>
public sealed record AuditFigures(
    int Services,
    int Policies,
    int Traits,
    AuditTimes Cold,
    AuditTimes Warm,
    double CommandSeconds,
    double SimilarIndexMilliseconds,
    double SimilarQueryMilliseconds,
    long PeakMemoryMiB)
{
    public override string ToString() =>
        $"Audited {Services} services against {Policies} policies as of {FleetGenerator.AsOf:yyyy-MM-dd}: {Traits} traits.{Environment.NewLine}" +
        $"`audit run` as a user runs it (a new process: start, migrations, policies, audit, run stored and printed): {CommandSeconds:F2} s.{Environment.NewLine}" +
        $"In process, phase by phase: first audit: {Cold}.{Environment.NewLine}" +
        $"Next audit (a running server): {Warm}.{Environment.NewLine}" +
        $"Similar services: index {SimilarIndexMilliseconds:F0} ms once per audit, then {SimilarQueryMilliseconds:F2} ms a query. Peak memory {PeakMemoryMiB} MiB.";
}
