using System.CommandLine;
using System.Globalization;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
using Governance.Storage;

namespace Governance.Cli.Auditing;

/// <summary><c>governance waive SERVICE TRAIT --reason --until --approver</c>: accept a risk for a while, on the record.</summary>
public sealed class WaiveCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    private readonly Argument<string> _trait = new("trait") { Description = "The trait (policy id) to waive" };

    private readonly Option<string> _reason = new("--reason") { Description = "Why the risk is accepted", Required = true };

    private readonly Option<string> _until = new("--until") { Description = "The last day the waiver applies (YYYY-MM-DD)", Required = true };

    private readonly Option<string> _approver = new("--approver") { Description = "Who approved it; not the person asking", Required = true };

    private readonly Option<string?> _policies = new("--policies") { Description = "The policy folder the trait must be defined in. Default: ./policies, else the shipped set" };

    public static Command Create(CommandBinder binder) => new WaiveCommand().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("waive", "Waive a risk trait on a service until a date; the waiver is kept in the service's history") { _service, _trait, _reason, _until, _approver, _policies },
        RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        if (!DateOnly.TryParseExact(run.Get(_until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            throw new CliException(ExitCodes.Usage, $"--until must be a date like 2027-03-31, was '{run.Get(_until)}'");
        }

        var approver = run.Get(_approver)!.Trim();
        var trait = run.Get(_trait)!.Trim();
        var policies = LoadPolicies(run.Get(_policies));
        await using var store = await run.OpenExistingStoreAsync();
        var waiver = new Waiver(trait, run.Get(_reason)!.Trim(), approver, until);
        var result = await store.ExecuteAsync(id, new WaiveTrait(waiver), run.Actor, policies: policies, cancellationToken: run.CancellationToken);
        if (result.Status == CommandStatus.Rejected)
        {
            throw new CliException(result.Errors.Any(error => error.Field == "id") ? ExitCodes.NotFound : ExitCodes.InvalidInput,
                $"{id}: {string.Join("; ", result.Errors)}");
        }

        if (run.Json)
        {
            run.WriteJson(new { ServiceId = id, result.Version, Waiver = waiver });
        }
        else
        {
            run.Context.Console.WriteLine($"Waived {waiver.TraitId} on {id} until {until:yyyy-MM-dd}, approved by {approver} (version {result.Version}). The next audit lists it as waived.");
        }

        return ExitCodes.Success;
    }

    // The domain checks the trait against the set and the span against its waiver rules; a set that does not load is input to fix.
    private static PolicySet LoadPolicies(string? folder)
    {
        try
        {
            return PolicyFolder.Load(PolicyFolder.Resolve(folder)).Set;
        }
        catch (PolicySetInvalidException invalid)
        {
            throw new CliException(ExitCodes.InvalidInput, invalid.Message);
        }
    }
}
