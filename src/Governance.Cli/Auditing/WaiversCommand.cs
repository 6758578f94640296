using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Cli.Auditing;

/// <summary>
/// <c>governance waivers request|approve|reject SERVICE TRAIT</c>: a waiver asked for by one person and approved or
/// rejected by another, on the store or through a server (<c>--server</c>), where the actor is who acts.
/// </summary>
public sealed class WaiversCommand
{
    private readonly Argument<string> _service = new("service") { Description = "The service id" };

    private readonly Argument<string> _trait = new("trait") { Description = "The trait (policy id)" };

    private readonly Option<string> _justification = new("--reason") { Description = "Why the risk should be accepted", Required = true };

    private readonly Option<string> _until = new("--until") { Description = "The last day the waiver would apply (YYYY-MM-DD)", Required = true };

    private readonly Option<string?> _policies = new("--policies") { Description = "The policy folder the trait must be defined in. Default: ./policies, else the shipped set" };

    private readonly Option<string?> _approval = new("--reason") { Description = "Why the waiver is approved" };

    private readonly Option<string> _rejection = new("--reason") { Description = "Why the waiver is rejected", Required = true };

    public static Command Create(CommandBinder binder) => new WaiversCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("waivers", "Request a waiver of a risk trait, and approve or reject one as someone other than its requester")
    {
        binder.Bind(new Command("request", "Ask for a trait to be waived until a date; it counts once someone else approves it") { _service, _trait, _justification, _until, _policies }, RequestAsync, remote: true),
        binder.Bind(new Command("approve", "Approve a requested waiver; the approver is you, and never its requester") { _service, _trait, _approval }, ApproveAsync, remote: true),
        binder.Bind(new Command("reject", "Reject a requested waiver, saying why; rejecting your own request withdraws it") { _service, _trait, _rejection }, RejectAsync, remote: true),
    };

    private async Task<int> RequestAsync(Invocation run)
    {
        var (id, trait) = Target(run);
        var until = WaiverWrites.Until(run, _until);
        var justification = run.Get(_justification)!.Trim();
        long version;
        if (run.Server is { } server)
        {
            // The server's grain decides against the server's policy set: a local folder would not be the one applied.
            if (run.Get(_policies) is not null)
            {
                throw new CliException(ExitCodes.Usage, "--policies names a local folder; through --server the server's policies decide");
            }

            version = await WaiverWrites.ThroughServerAsync(run, server, id, HttpMethod.Post, string.Empty, new { TraitId = trait, Justification = justification, Expires = until });
        }
        else
        {
            version = await WaiverWrites.OnStoreAsync(run, id, new RequestWaiver(trait, justification, until), WaiverWrites.LocalPolicies(run.Get(_policies)));
        }

        return Report(run, id, trait, WaiverStatus.Requested, version,
            $"Requested a waiver of {trait} on {id} until {until:yyyy-MM-dd} (version {version}). It counts once someone other than you runs: governance waivers approve {id} {trait}");
    }

    private async Task<int> ApproveAsync(Invocation run)
    {
        var (id, trait) = Target(run);
        var reason = Given(run.Get(_approval));
        var version = run.Server is { } server
            ? await WaiverWrites.ThroughServerAsync(run, server, id, HttpMethod.Post, $"{WaiverWrites.Trait(trait)}/approve", new { Reason = reason })
            : await WaiverWrites.OnStoreAsync(run, id, new ApproveWaiver(trait, reason));
        return Report(run, id, trait, WaiverStatus.Approved, version, $"Approved the waiver of {trait} on {id} (version {version}). The next audit lists it as waived.");
    }

    private async Task<int> RejectAsync(Invocation run)
    {
        var (id, trait) = Target(run);
        var reason = run.Get(_rejection)!.Trim();
        var version = run.Server is { } server
            ? await WaiverWrites.ThroughServerAsync(run, server, id, HttpMethod.Post, $"{WaiverWrites.Trait(trait)}/reject", new { Reason = reason })
            : await WaiverWrites.OnStoreAsync(run, id, new RejectWaiver(trait, reason));
        return Report(run, id, trait, WaiverStatus.Rejected, version, $"Rejected the waiver of {trait} on {id} (version {version}).");
    }

    private (string Id, string Trait) Target(Invocation run) =>
        (EntityRefs.Normalize(run.Get(_service) ?? string.Empty, "component"), run.Get(_trait)!.Trim());

    private static int Report(Invocation run, string id, string trait, WaiverStatus status, long version, string text)
    {
        if (run.Json)
        {
            run.WriteJson(new { ServiceId = id, Version = version, TraitId = trait, Status = status });
        }
        else
        {
            run.Context.Console.WriteLine(text);
        }

        return ExitCodes.Success;
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
