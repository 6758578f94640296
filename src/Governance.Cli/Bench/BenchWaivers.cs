using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Commands;
using Governance.Storage;
using Governance.Storage.Browsing;

namespace Governance.Cli.Bench;

/// <summary>
/// The waivers <c>bench browse</c> reads: the riskiest services ask for one each, of a shipped policy, ending over the next
/// 180 days, and every other request is approved, as the pages would see them during a remediation programme.
/// </summary>
internal static class BenchWaivers
{
    /// <summary>One service in a hundred holds a waiver.</summary>
    private const int ServicesPerWaiver = 100;

    public static async Task<int> AddAsync(GovernanceStore store, Invocation run)
    {
        var token = run.CancellationToken;
        var policies = PolicyFolder.Load(PolicyFolder.Resolve(null)).Set;
        var total = (await store.CountServicesAsync(token)).Sum(count => count.Services);
        var wanted = Math.Max(1, total / ServicesPerWaiver);
        var ids = new List<string>(wanted);
        for (var page = 1; ids.Count < wanted; page++)
        {
            var found = await store.SearchServicesAsync(new ServiceSearch(Sort: ServiceSort.Risk, Page: page, PageSize: ServiceSearch.MaxPageSize), token);
            if (found.Services.Count == 0)
            {
                break;
            }

            ids.AddRange(found.Services.Take(wanted - ids.Count).Select(service => service.Id));
        }

        var today = DateOnly.FromDateTime(run.Context.Time.GetUtcNow().UtcDateTime);
        for (var i = 0; i < ids.Count; i++)
        {
            var trait = policies.Policies[i % policies.Policies.Count].Id;
            var request = new RequestWaiver(trait, "Accepted during the bench's remediation programme", today.AddDays(1 + (i % 180)));
            await ExpectAcceptedAsync(store.ExecuteAsync(ids[i], request, "user:bench-owner", policies: policies, cancellationToken: token), ids[i]);
            if (i % 2 == 1)
            {
                await ExpectAcceptedAsync(store.ExecuteAsync(ids[i], new ApproveWaiver(trait), "user:bench-approver", policies: policies, cancellationToken: token), ids[i]);
            }
        }

        return ids.Count;
    }

    private static async Task ExpectAcceptedAsync(Task<CommandResult<Domain.Catalog.ServiceState>> command, string id)
    {
        var result = await command;
        if (result.Status == CommandStatus.Rejected)
        {
            throw new CliException(ExitCodes.InternalError, $"{id}: {string.Join("; ", result.Errors)}");
        }
    }
}
