using Governance.Reliability.Tests.Support;
using Governance.Storage.Audits;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>The embedded CLI's commands: <c>import</c> of a generated fleet into an empty store, and <c>audit run</c> over it.</summary>
public static class CommandScenarios
{
    /// <summary>An import is all or nothing: after the kill the store holds none of the fleet or all of it; the re-run brings all of it.</summary>
    public static KillScenario Import { get; } = new(
        "import",
        Weight: 2,
        SetUpAsync: point =>
        {
            KillTemplates.CopyStore(point.Templates.EmptyStore, point);
            return Task.CompletedTask;
        },
        Start: point => KillTarget.Command(GovernanceProcess.Start(point.Directory, ["import", point.Templates.Fleet, "--db", point.Database])),
        CheckAfterKillAsync: CheckAllOrNothingAsync,
        RerunAsync: ImportAgainAsync);

    /// <summary>The same import into a store that does not exist yet: kills also land while the store is created and migrated.</summary>
    public static KillScenario ImportNewStore { get; } = new(
        "import-new-store",
        Weight: 1,
        SetUpAsync: _ => Task.CompletedTask,
        Start: point => KillTarget.Command(GovernanceProcess.Start(point.Directory, ["import", point.Templates.Fleet, "--db", point.Database])),
        CheckAfterKillAsync: CheckAllOrNothingAsync,
        RerunAsync: ImportAgainAsync);

    /// <summary>
    /// An audit's run ends succeeded or failed, never stays running: after the kill at most the killed run is running, and the
    /// re-run (a new process on the same host) fails it as interrupted before it stores a run of its own.
    /// </summary>
    public static KillScenario Audit { get; } = new(
        "audit",
        Weight: 3,
        SetUpAsync: point =>
        {
            KillTemplates.CopyStore(point.Templates.FleetStore, point);
            return Task.CompletedTask;
        },
        Start: point => KillTarget.Command(GovernanceProcess.Start(point.Directory, ["audit", "run", "--db", point.Database])),
        CheckAfterKillAsync: AuditRuns.RecordKilledRunAsync,
        RerunAsync: async point =>
        {
            var output = await point.RunToSuccessAsync("audit", "run");
            await AuditRuns.CheckRecoveredAsync(point, output, writerStillUp: false);
        });

    private static async Task CheckAllOrNothingAsync(KillPoint point)
    {
        if (!File.Exists(point.Database))
        {
            point.Outcome = "no store created yet";
            return;
        }

        await using var store = await StoreProbe.OpenAsync(point.Database);
        var services = await store.CountServicesAsync();
        Check.That(services == 0 || services == point.Templates.FleetServices, $"the killed import left {services} of {point.Templates.FleetServices} services: not all or nothing");
        point.Outcome = services == 0 ? "nothing imported" : "all imported";
    }

    private static async Task ImportAgainAsync(KillPoint point)
    {
        var output = await point.RunToSuccessAsync("import", point.Templates.Fleet);
        await using var store = await StoreProbe.OpenAsync(point.Database);
        var services = await store.CountServicesAsync();
        Check.That(services == point.Templates.FleetServices, $"after the re-run the store has {services} services, not {point.Templates.FleetServices}:\n{output}");
    }
}

/// <summary>The checks every scenario that kills an audit shares.</summary>
public static class AuditRuns
{
    /// <summary>Right after the kill: at most one run is running (the killed one), and it is noted for the re-run's check.</summary>
    public static async Task RecordKilledRunAsync(KillPoint point)
    {
        await using var store = await StoreProbe.OpenAsync(point.Database);
        var runs = await store.AuditRunsAsync();
        var running = runs.Where(run => run.Status == AuditRunStatus.Running).ToList();
        Check.That(running.Count <= 1, $"{running.Count} runs are running after one process was killed: {string.Join(", ", running)}");
        Check.That(runs.All(run => run.Status != AuditRunStatus.Failed || run.Failure is not null), "a failed run has no reason");
        point.State = running.SingleOrDefault()?.Id;
        point.Outcome = running.Count == 1 ? $"run {running[0].Id} left running" : $"{runs.Count(run => run.Status == AuditRunStatus.Succeeded)} run(s) succeeded, none running";
    }

    /// <summary>
    /// After the re-run: the killed run failed as interrupted, and a later run succeeded over every service. Unless the
    /// process that re-ran it is <paramref name="writerStillUp"/> (a server may have begun its next run), none is running.
    /// </summary>
    public static async Task CheckRecoveredAsync(KillPoint point, string output, bool writerStillUp)
    {
        await using var store = await StoreProbe.OpenAsync(point.Database);
        var runs = await store.AuditRunsAsync();
        Check.That(writerStillUp || runs.All(run => run.Status != AuditRunStatus.Running), $"runs are still running after the re-run: {string.Join(", ", runs.Where(run => run.Status == AuditRunStatus.Running))}");
        if (point.State is long killed)
        {
            var run = runs.Single(run => run.Id == killed);
            Check.That(
                run.Status == AuditRunStatus.Failed && run.Failure?.StartsWith("interrupted", StringComparison.Ordinal) == true,
                $"the killed run {killed} is {run.Status} ({run.Failure}) after the re-run, not failed as interrupted");
        }

        var latest = runs.LastOrDefault(run => run.Status == AuditRunStatus.Succeeded);
        Check.That(latest is not null && latest.Id > (point.State as long? ?? 0), $"no run succeeded after the killed one:\n{output}");
        Check.That(latest!.ServicesAudited == point.Templates.FleetServices, $"run {latest.Id} audited {latest.ServicesAudited} services, not {point.Templates.FleetServices}");
    }
}
