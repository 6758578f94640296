using System.CommandLine;
using System.Globalization;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Cli.Remote;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
using Governance.Storage;

namespace Governance.Cli.Auditing;

/// <summary>A change to one service's waivers, on the store or through a server's API, ending with the same exit code and message either way.</summary>
internal static class WaiverWrites
{
    /// <summary>
    /// Decides and commits <paramref name="command"/> on the store; a refusal ends as the server answers it: 4 when the
    /// service is missing, or the waiver a decision or revocation is about, else 3.
    /// </summary>
    public static async Task<long> OnStoreAsync(Invocation run, string id, ServiceCommand command, PolicySet? policies = null)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var result = await store.ExecuteAsync(id, command, run.Actor, policies: policies, cancellationToken: run.CancellationToken);
        if (result.Status != CommandStatus.Rejected)
        {
            return result.Version;
        }

        var aboutAWaiver = command is ApproveWaiver or RejectWaiver or RevokeWaiver;
        var notFound = result.Errors.Any(error => error.Field == "id" || (aboutAWaiver && error.Field == "traitId"));
        throw new CliException(notFound ? ExitCodes.NotFound : ExitCodes.InvalidInput, $"{id}: {string.Join("; ", result.Errors)}");
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> under the service's waivers on <paramref name="server"/>; the new version.</summary>
    public static async Task<long> ThroughServerAsync(Invocation run, Uri server, string id, HttpMethod method, string path, object? body)
    {
        using var client = new ServerClient(server, run.ServerToken, run.Context.Time);
        var answer = await client.SendAsync(method, $"api/services/{Uri.EscapeDataString(id)}/waivers{path}", body, run.CancellationToken);
        return answer.IsSuccess ? answer.Body.GetProperty("version").GetInt64() : throw ServerClient.Failure(answer, id);
    }

    /// <summary>The route segment of a trait: <c>/critical-path-hub</c>.</summary>
    public static string Trait(string trait) => $"/{Uri.EscapeDataString(trait)}";

    /// <summary>The last day a waiver applies, as <c>--until</c> gives it.</summary>
    public static DateOnly Until(Invocation run, Option<string> until) =>
        DateOnly.TryParseExact(run.Get(until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CliException(ExitCodes.Usage, $"--until must be a date like 2027-03-31, was '{run.Get(until)}'");

    /// <summary>The policy set a waiver's trait and span are checked against on the store; a set that does not load is input to fix.</summary>
    public static PolicySet LocalPolicies(string? folder)
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
