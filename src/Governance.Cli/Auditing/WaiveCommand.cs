using System.CommandLine;
using System.Globalization;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Cli.Remote;
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
        RunAsync,
        remote: true);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        if (!DateOnly.TryParseExact(run.Get(_until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            throw new CliException(ExitCodes.Usage, $"--until must be a date like 2027-03-31, was '{run.Get(_until)}'");
        }

        var approver = run.Get(_approver)!.Trim();
        var waiver = new Waiver(run.Get(_trait)!.Trim(), run.Get(_reason)!.Trim(), approver, until);
        var version = run.Server is { } server
            ? await WaiveThroughAsync(server, run, id, waiver)
            : await WaiveAsync(run, id, waiver);
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

    private async Task<long> WaiveAsync(Invocation run, string id, Waiver waiver)
    {
        var policies = LoadPolicies(run.Get(_policies));
        await using var store = await run.OpenExistingStoreAsync();
        var result = await store.ExecuteAsync(id, new WaiveTrait(waiver), run.Actor, policies: policies, cancellationToken: run.CancellationToken);
        if (result.Status == CommandStatus.Rejected)
        {
            throw new CliException(result.Errors.Any(error => error.Field == "id") ? ExitCodes.NotFound : ExitCodes.InvalidInput,
                $"{id}: {string.Join("; ", result.Errors)}");
        }

        return result.Version;
    }

    // The server's grain decides against the server's policy set: a local folder would not be the one applied.
    private async Task<long> WaiveThroughAsync(Uri server, Invocation run, string id, Waiver waiver)
    {
        if (run.Get(_policies) is not null)
        {
            throw new CliException(ExitCodes.Usage, "--policies names a local folder; through --server the server's policies decide");
        }

        using var client = new ServerClient(server, run.ServerToken, run.Context.Time);
        var request = new { waiver.TraitId, waiver.Justification, waiver.Approver, waiver.Expires };
        var answer = await client.SendAsync(HttpMethod.Post, $"api/services/{Uri.EscapeDataString(id)}/waivers", request, run.CancellationToken);
        return answer.IsSuccess ? answer.Body.GetProperty("version").GetInt64() : throw ServerClient.Failure(answer, id);
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
