using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Cli.Auditing;

/// <summary><c>governance unwaive SERVICE TRAIT</c>: withdraw an approved waiver before it expires, on the record.</summary>
public sealed class UnwaiveCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    private readonly Argument<string> _trait = new("trait") { Description = "The waived trait (policy id)" };

    public static Command Create(CommandBinder binder) => new UnwaiveCommand().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("unwaive", "Revoke a service's approved waiver of a trait; the trait counts again from the next audit, and the revocation is kept in the history") { _service, _trait },
        RunAsync,
        remote: true);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        var trait = run.Get(_trait)!.Trim();
        var version = run.Server is { } server
            ? await WaiverWrites.ThroughServerAsync(run, server, id, HttpMethod.Delete, WaiverWrites.Trait(trait), null)
            : await WaiverWrites.OnStoreAsync(run, id, new RevokeWaiver(trait));
        if (run.Json)
        {
            run.WriteJson(new { ServiceId = id, Version = version, Revoked = trait });
        }
        else
        {
            run.Context.Console.WriteLine($"Revoked the waiver of {trait} on {id} (version {version}). The next audit counts the trait again.");
        }

        return ExitCodes.Success;
    }
}
