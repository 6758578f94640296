using System.Globalization;
using Governance.Application.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Remediation;
using Governance.Storage;

namespace Governance.Cli.Demo;

/// <summary>A first look at a fleet: its size and tiers, its critical-path hubs, its remediation programmes and its loose ends.</summary>
public sealed record FleetOverview(
    int Services,
    int Teams,
    int Systems,
    int Dependencies,
    IReadOnlyList<TierRow> Tiers,
    IReadOnlyList<Hub> Hubs,
    IReadOnlyList<ProgrammeProgress> Programmes,
    IReadOnlyList<string> DanglingReferences,
    long HistoryEntries)
{
    private const int HubsShown = 5;

    /// <summary>Reads the store after <paramref name="outcome"/> and summarises it.</summary>
    public static async Task<FleetOverview> LoadAsync(GovernanceStore store, ImportOutcome outcome, CancellationToken cancellationToken = default)
    {
        var services = (await store.ListServicesAsync(new ServiceQuery(), cancellationToken)).Select(service => service.State).ToList();
        var entities = await store.ListEntitiesAsync(null, cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        var callers = CallerIndex.Build(services);
        return new FleetOverview(
            services.Count,
            entities.Count(entity => entity.State.Kind == EntityKinds.Group),
            entities.Count(entity => entity.State.Kind == EntityKinds.System),
            services.Sum(service => service.Dependencies.Count),
            [.. services.GroupBy(service => service.Profile.Tier).OrderBy(group => group.Key ?? int.MaxValue).Select(TierRow.Of)],
            [.. services.Select(service => Hub.Of(service, callers)).Where(hub => hub.CriticalCallers > 0)
                .OrderByDescending(hub => hub.CriticalCallers).ThenBy(hub => hub.Id, StringComparer.Ordinal).Take(HubsShown)],
            ProgrammeProgress.Of(services),
            [.. outcome.Dangling.Select(reference => reference.ToString())],
            statistics.HistoryEntries);
    }

    /// <summary>Prints the overview for a person.</summary>
    public static void Print(FleetOverview overview, IAnsiConsole console)
    {
        console.Heading("Fleet");
        console.WriteLine($"{overview.Services} services, {overview.Teams} teams, {overview.Systems} systems, {overview.Dependencies} dependencies; {overview.HistoryEntries} history entries.");
        var tiers = Tables.Create("tier", "services", "exposed to one host", "one zone", "one region", "one provider", "unknown footprint");
        foreach (var row in overview.Tiers)
        {
            tiers.Row(row.Tier?.ToString(CultureInfo.InvariantCulture) ?? "unclassified", Text(row.Services), Text(row.Host), Text(row.Zone), Text(row.Region), Text(row.Provider), Text(row.Unknown));
        }

        console.Write(tiers);
        console.Heading("Critical-path hubs: services whose failure fails their synchronous callers");
        var hubs = Tables.Create("service", "tier", "critical callers", "tier-0 callers", "without timeout", "without cache or degradation");
        foreach (var hub in overview.Hubs)
        {
            hubs.Row(hub.Id, hub.Tier?.ToString(CultureInfo.InvariantCulture), Text(hub.CriticalCallers), Text(hub.TierZeroCallers), Text(hub.WithoutTimeout), Text(hub.WithoutFallback));
        }

        console.Write(hubs);
        PrintProgrammes(overview, console);
        if (overview.DanglingReferences.Count > 0)
        {
            console.Heading("References to things not in the catalog");
            foreach (var reference in overview.DanglingReferences)
            {
                console.WriteLine(reference);
            }
        }
    }

    private static void PrintProgrammes(FleetOverview overview, IAnsiConsole console)
    {
        console.Heading("Remediation programmes");
        var programmes = Tables.Create("programme", "done", "in flight", "longer-term open", "done by quarter");
        foreach (var programme in overview.Programmes)
        {
            programmes.Row(programme.Programme, $"{programme.Done} of {programme.Identified}", Text(programme.InFlight), Text(programme.LongerTerm),
                string.Join(", ", programme.DoneByQuarter.Select(quarter => $"{quarter.Quarter}: {quarter.Count}")));
        }

        console.Write(programmes);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How many services of one tier there are, by exposure.</summary>
public sealed record TierRow(int? Tier, int Services, int Host, int Zone, int Region, int Provider, int Unknown)
{
    public static TierRow Of(IGrouping<int?, ServiceState> tier) => new(
        tier.Key,
        tier.Count(),
        tier.Count(service => service.Footprint?.Exposure == UnitOfFailure.Host),
        tier.Count(service => service.Footprint?.Exposure == UnitOfFailure.Zone),
        tier.Count(service => service.Footprint?.Exposure == UnitOfFailure.Region),
        tier.Count(service => service.Footprint?.Exposure == UnitOfFailure.Provider),
        tier.Count(service => service.Footprint is null));
}

/// <summary>A service others call synchronously on their critical path, and how well those callers are protected.</summary>
public sealed record Hub(string Id, int? Tier, int CriticalCallers, int TierZeroCallers, int WithoutTimeout, int WithoutFallback)
{
    public static Hub Of(ServiceState service, CallerIndex callers)
    {
        // Callers, not calls: a caller reaching the hub directly and through one of its APIs counts once, as graph facts do.
        var calls = callers.CriticalCallsTo(service.Id).DistinctBy(call => call.Caller.Id).ToList();
        return new Hub(
            service.Id,
            service.Profile.Tier,
            calls.Count,
            calls.Count(call => call.Caller.Profile.Tier == ServiceProfile.MostCriticalTier),
            calls.Count(call => call.Edge.TimeoutMs is null),
            calls.Count(call => call.Edge.IsHard));
    }
}
