using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Cli.Auditing;

/// <summary>
/// <c>governance waive SERVICE TRAIT --reason --until --approver</c>: accept a risk for a while in one step, on the record.
/// The embedded store's single operator names the approver; a server records real identities, so there a waiver is
/// requested and approved in two steps (<see cref="WaiversCommand"/>).
/// </summary>
public sealed class WaiveCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    private readonly Argument<string> _trait = new("trait") { Description = "The trait (policy id) to waive" };

    private readonly Option<string> _reason = new("--reason") { Description = "Why the risk is accepted", Required = true };

    private readonly Option<string> _until = new("--until") { Description = "The last day the waiver applies (YYYY-MM-DD)", Required = true };

    private readonly Option<string> _approver = new("--approver") { Description = "Who approved it; not the person asking", Required = true };

    private readonly Option<string?> _policies = new("--policies") { Description = "The policy folder the trait must be defined in. Default: ./policies, else the shipped set" };

    public static Command Create(CommandBinder binder) => new WaiveCommand().Build(binder);

    // Remote, so that a server named by the environment too is refused with the way to go instead of being passed by.
    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("waive", "Waive a risk trait on a service until a date, approved by the person named (embedded store only); kept in the service's history")
        {
            _service, _trait, _reason, _until, _approver, _policies,
        },
        RunAsync,
        remote: true);

    private async Task<int> RunAsync(Invocation run)
    {
        if (run.Server is not null)
        {
            throw new CliException(ExitCodes.Usage,
                "a server records who acts, so it takes no --approver: request the waiver with 'governance waivers request SERVICE TRAIT --reason R --until DATE', then have the approver run 'governance waivers approve SERVICE TRAIT'");
        }

        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        var until = WaiverWrites.Until(run, _until);
        var approver = run.Get(_approver)!.Trim();
        var waiver = new Waiver(run.Get(_trait)!.Trim(), run.Get(_reason)!.Trim(), approver, until);
        var version = await WaiverWrites.OnStoreAsync(run, id, new WaiveTrait(waiver), WaiverWrites.LocalPolicies(run.Get(_policies)));
        if (run.Json)
        {
            run.WriteJson(new { ServiceId = id, Version = version, Waiver = waiver });
        }
        else
        {
            run.Context.Console.WriteLine($"Waived {waiver.TraitId} on {id} until {until:yyyy-MM-dd}, approved by {approver} (version {version}). The next audit lists it as waived.");
        }

        return ExitCodes.Success;
    }
}
