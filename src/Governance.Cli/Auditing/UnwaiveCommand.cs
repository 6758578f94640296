using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Cli.Remote;
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
        RunAsync,
        remote: true);

    private async Task<int> RunAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component");
        var trait = run.Get(_trait)!.Trim();
        var version = run.Server is { } server ? await RevokeThroughAsync(server, run, id, trait) : await RevokeAsync(run, id, trait);
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

    private static async Task<long> RevokeAsync(Invocation run, string id, string trait)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var result = await store.ExecuteAsync(id, new RevokeWaiver(trait), run.Actor, cancellationToken: run.CancellationToken);

        // No such service, or no waiver of that trait on it: either way, nothing to revoke.
        return result.Status == CommandStatus.Rejected
            ? throw new CliException(ExitCodes.NotFound, $"{id}: {string.Join("; ", result.Errors)}")
            : result.Version;
    }

    private static async Task<long> RevokeThroughAsync(Uri server, Invocation run, string id, string trait)
    {
        using var client = new ServerClient(server, run.ServerToken, run.Context.Time);
        var answer = await client.SendAsync(HttpMethod.Delete, $"api/services/{Uri.EscapeDataString(id)}/waivers/{Uri.EscapeDataString(trait)}", null, run.CancellationToken);
        return answer.IsSuccess ? answer.Body.GetProperty("version").GetInt64() : throw ServerClient.Failure(answer, id);
    }
}
