using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;

namespace Governance.Cli.Auditing;

/// <summary><c>governance risks SERVICE</c>: one service's risk profile at the latest audit, with evidence and waivers.</summary>
public sealed class RisksCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    public static Command Create(CommandBinder binder) => new RisksCommand().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("risks", "Show a service's risk traits at the latest audit: evidence, score, level, waivers") { _service }, RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        await using var store = await run.OpenExistingStoreAsync();
        _ = await store.GetServiceAsync(id, run.CancellationToken) ?? throw new CliException(ExitCodes.NotFound, $"no service '{id}' in {store.Location}");
        var audit = await AuditCommand.LatestAsync(store, run);
        var profile = audit.Result.Profiles.FirstOrDefault(candidate => candidate.ServiceId == id);
        if (run.Json)
        {
            run.WriteJson(new { RunId = audit.Run.Id, ServiceId = id, Score = profile?.Score ?? 0, Level = profile?.Level ?? Domain.Audit.RiskLevel.None, Traits = profile?.Traits ?? [] });
        }
        else if (profile is null)
        {
            run.Context.Console.WriteLine($"{id} has no risk traits at audit run {audit.Run.Id}.");
        }
        else
        {
            AuditPrinter.PrintProfile(run.Context.Console, profile, audit.Run.Id);
        }

        return ExitCodes.Success;
    }
}
