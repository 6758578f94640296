using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Storage;

namespace Governance.Cli.Auditing;

/// <summary><c>governance unwaive SERVICE TRAIT</c>: withdraw a waiver before it expires, on the record.</summary>
public sealed class UnwaiveCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    private readonly Argument<string> _trait = new("trait") { Description = "The waived trait (policy id)" };

    public static Command Create(CommandBinder binder) => new UnwaiveCommand().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("unwaive", "Revoke a service's waiver of a trait; the trait counts again from the next audit, and the revocation is kept in the history") { _service, _trait },
        RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        var trait = run.Get(_trait)!.Trim();
        await using var store = await run.OpenExistingStoreAsync();
        var result = await store.ExecuteAsync(id, new RevokeWaiver(trait), run.Actor, cancellationToken: run.CancellationToken);
        if (result.Status == CommandStatus.Rejected)
        {
            // No such service, or no waiver of that trait on it: either way, nothing to revoke.
            throw new CliException(ExitCodes.NotFound, $"{id}: {string.Join("; ", result.Errors)}");
        }

        if (run.Json)
        {
            run.WriteJson(new { ServiceId = id, result.Version, Revoked = trait });
        }
        else
        {
            run.Context.Console.WriteLine($"Revoked the waiver of {trait} on {id} (version {result.Version}). The next audit counts the trait again.");
        }

        return ExitCodes.Success;
    }
}
