using System.CommandLine;
using System.Globalization;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Audit;
using Governance.Storage;
using Governance.Storage.Audits;

namespace Governance.Cli.Auditing;

/// <summary><c>governance audit run|show|diff</c>: audit the whole fleet against the policies, and read past audits.</summary>
public sealed class AuditCommand
{
    private const int RiskiestShown = 15;

    private readonly Option<string?> _policies = new("--policies") { Description = "The policy folder. Default: ./policies, else the set shipped with the program" };

    private readonly Option<string?> _asOf = new("--as-of")
    {
        Description = "Evaluate the policies as of this day (YYYY-MM-DD, at 00:00 UTC) instead of now, so that an audit of the same fleet reproduces",
    };

    private readonly Argument<long?> _run = new("run") { Description = "An audit run id; the latest succeeded run when left out", Arity = ArgumentArity.ZeroOrOne };

    private readonly Argument<long> _from = new("from") { Description = "The earlier run id" };

    private readonly Argument<long> _to = new("to") { Description = "The later run id" };

    public static Command Create(CommandBinder binder) => new AuditCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("audit", "Audit the fleet against the risk policies, and read past audits")
    {
        binder.Bind(new Command("run", "Audit every service now: graph facts and every policy, stored as a run") { _policies, _asOf }, RunAsync),
        binder.Bind(new Command("show", "Show an audit run: when, which policy set, what changed since the run before, the riskiest services") { _run }, ShowAsync),
        binder.Bind(new Command("diff", "Compare two audit runs: risks that are new, resolved, unchanged") { _from, _to }, DiffAsync),
    };

    private async Task<int> RunAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var runId = await RunAuditAsync(store, run, run.Get(_policies), "manual", AsOf(run));
        return await ShowRunAsync(store, run, runId);
    }

    /// <summary>Runs and stores one audit, as of now or <paramref name="asOf"/>; a policy set that does not load is input the user must fix.</summary>
    public static async Task<long> RunAuditAsync(GovernanceStore store, Invocation run, string? policies, string trigger, DateTimeOffset? asOf = null)
    {
        try
        {
            return await new FleetAudit(store, PolicyFolder.Resolve(policies), run.Context.Time, asOf).RunAsync(trigger, run.CancellationToken);
        }
        catch (PolicySetInvalidException invalid)
        {
            throw new CliException(ExitCodes.InvalidInput, invalid.Message);
        }
    }

    private DateTimeOffset? AsOf(Invocation run) => run.Get(_asOf) is not { } text
        ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero)
            : throw new CliException(ExitCodes.Usage, $"--as-of must be a date like 2025-06-30, was '{text}'");

    private async Task<int> ShowAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var runId = run.Get(_run) ?? (await LatestAsync(store, run)).Run.Id;
        return await ShowRunAsync(store, run, runId);
    }

    private async Task<int> DiffAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var from = await SucceededAsync(store, run.Get(_from), run.CancellationToken);
        var to = await SucceededAsync(store, run.Get(_to), run.CancellationToken);
        var diff = AuditDiff.Between(
            await store.Audits.GetFindingKeysAsync(from.Id, run.CancellationToken),
            await store.Audits.GetFindingKeysAsync(to.Id, run.CancellationToken));
        if (run.Json)
        {
            run.WriteJson(new { From = from.Id, To = to.Id, diff.New, diff.Resolved, Unchanged = diff.Unchanged.Count });
            return ExitCodes.Success;
        }

        AuditPrinter.PrintDiff(run.Context.Console, $"From run {from.Id} to run {to.Id}", diff);
        return ExitCodes.Success;
    }

    private static async Task<int> ShowRunAsync(GovernanceStore store, Invocation run, long runId)
    {
        var audit = await store.Audits.GetAuditAsync(runId, run.CancellationToken)
            ?? throw new CliException(ExitCodes.NotFound, $"audit run {runId} did not succeed or does not exist; 'governance audit show' shows the latest");
        var diff = await store.Audits.GetAuditDiffAsync(runId, run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(new { audit.Run, Diff = diff?.Diff is { } d ? new { PreviousRun = diff.PreviousRunId, d.New, d.Resolved, Unchanged = d.Unchanged.Count } : null, Riskiest = audit.Result.Profiles.Take(RiskiestShown).Select(Summary) });
            return ExitCodes.Success;
        }

        AuditPrinter.PrintRun(run.Context.Console, audit, diff, RiskiestShown);
        return ExitCodes.Success;
    }

    /// <summary>The latest succeeded audit, or a not-found error that says how to make one.</summary>
    public static async Task<CompletedAudit> LatestAsync(GovernanceStore store, Invocation run) =>
        await store.Audits.GetAuditAsync(null, run.CancellationToken)
            ?? throw new CliException(ExitCodes.NotFound, $"no audit has succeeded in {store.Location} yet: run 'governance audit run'");

    private static async Task<AuditRun> SucceededAsync(GovernanceStore store, long runId, CancellationToken cancellationToken)
    {
        var found = await store.Audits.GetAuditRunAsync(runId, cancellationToken);
        return found is { Status: AuditRunStatus.Succeeded }
            ? found
            : throw new CliException(ExitCodes.NotFound, found is null ? $"no audit run {runId}" : $"audit run {runId} {Names.Kebab(found.Status)}: only succeeded runs can be compared");
    }

    private static object Summary(RiskProfile profile) =>
        new { profile.ServiceId, profile.Score, profile.Level, Traits = profile.Traits.Select(trait => trait.PolicyId) };
}
