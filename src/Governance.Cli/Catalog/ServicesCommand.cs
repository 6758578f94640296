using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Storage;

namespace Governance.Cli.Catalog;

/// <summary><c>governance services list|show</c>: the catalog's services.</summary>
public sealed class ServicesCommand
{
    private readonly Option<string?> _team = new("--team") { Description = "Only services owned by this team (a group id, or user:NAME)" };

    private readonly Option<int?> _tier = new("--tier") { Description = "Only services of this tier (0–3)" };

    private readonly Argument<string> _id = new("id") { Description = "The service id, for example feature-enablement or resource:artists-db" };

    public static Command Create(CommandBinder binder) => new ServicesCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("services", "List and show services")
    {
        binder.Bind(new Command("list", "List services, optionally by team and tier") { _team, _tier }, ListAsync),
        binder.Bind(new Command("show", "Show one service: profile, footprint, stores, facts, dependencies, dependents and remediation items") { _id }, ShowAsync),
    };

    private async Task<int> ListAsync(Invocation run)
    {
        var tier = run.Get(_tier);
        if (tier is < ServiceProfile.MostCriticalTier or > ServiceProfile.LeastCriticalTier)
        {
            throw new CliException(ExitCodes.Usage, $"--tier must be between {ServiceProfile.MostCriticalTier} and {ServiceProfile.LeastCriticalTier}, was {tier}");
        }

        await using var store = await run.OpenExistingStoreAsync();
        var team = run.Get(_team);
        var services = await store.ListServicesAsync(new ServiceQuery(team is null ? null : EntityRefs.Normalize(team, EntityKinds.Group), tier), run.CancellationToken);
        var rows = services.Select(service => ServiceSummary.Of(service.State, service.Version)).ToList();
        if (run.Json)
        {
            run.WriteJson(rows);
            return ExitCodes.Success;
        }

        var table = Tables.Create("id", "name", "owner", "tier", "lifecycle", "exposure", "deps", "open items");
        foreach (var row in rows)
        {
            table.Row(row.Id, row.Name, row.Owner, row.Tier?.ToString(), row.Lifecycle, row.Exposure?.ToString().ToLowerInvariant(), row.Dependencies.ToString(), row.OpenItems.ToString());
        }

        run.Context.Console.Write(table);
        run.Context.Console.WriteLine($"{rows.Count} service(s).");
        return ExitCodes.Success;
    }

    private async Task<int> ShowAsync(Invocation run)
    {
        var id = EntityRefs.Normalize(run.Get(_id) ?? string.Empty, "component");
        await using var store = await run.OpenExistingStoreAsync();
        var service = await store.GetServiceAsync(id, run.CancellationToken)
            ?? throw new CliException(ExitCodes.NotFound, $"no service '{id}' in {store.Location}; 'governance services list' shows what there is");
        // Every caller, in the table and the JSON alike: a command's answer is whole, and scripts count and filter it.
        var dependents = (await store.GetCallersAsync(id, int.MaxValue, run.CancellationToken)).Callers
            .Select(caller => new Dependent(caller.Id, caller.Tier, caller.Edge.CriticalPath, caller.Edge.Synchronous))
            .ToList();
        if (run.Json)
        {
            run.WriteJson(new { service.Version, service.UpdatedAt, service.State, Exposure = service.State.Footprint?.Exposure, Dependents = dependents });
            return ExitCodes.Success;
        }

        ServiceDetails.Print(run.Context.Console, service, dependents);
        return ExitCodes.Success;
    }
}

/// <summary>A service that calls the one being shown.</summary>
public sealed record Dependent(string Id, int? Tier, bool CriticalPath, bool Synchronous);

/// <summary>One line of <c>services list</c>.</summary>
public sealed record ServiceSummary(string Id, string Name, string? Owner, int? Tier, string? Lifecycle, UnitOfFailure? Exposure, int Dependencies, int OpenItems, long Version)
{
    public static ServiceSummary Of(ServiceState state, long version) => new(
        state.Id,
        state.Profile.Name,
        state.Profile.Owner,
        state.Profile.Tier,
        state.Profile.Lifecycle,
        state.Footprint?.Exposure,
        state.Dependencies.Count,
        state.RemediationItems.Count(item => item.Status is RemediationStatus.Open or RemediationStatus.InProgress),
        version);
}
