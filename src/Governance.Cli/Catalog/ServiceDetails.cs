using System.Globalization;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Storage;

namespace Governance.Cli.Catalog;

/// <summary>Prints one service for a person: who owns it, where it runs, what it calls, who calls it, what is being done.</summary>
public static class ServiceDetails
{
    public static void Print(IAnsiConsole console, Versioned<ServiceState> service, IReadOnlyList<Dependent> dependents)
    {
        var state = service.State;
        var profile = state.Profile;
        console.Heading($"{profile.Name} ({profile.Id}) — version {service.Version}");
        console.Write(Tables.Details([
            ("kind", $"{profile.Kind}{(profile.Type is null ? string.Empty : $" / {profile.Type}")}"),
            ("owner", profile.Owner),
            ("tier", profile.Tier?.ToString(CultureInfo.InvariantCulture)),
            ("lifecycle", profile.Lifecycle),
            ("system", profile.System),
            ("products", Join(profile.Products)),
            ("provides APIs", Join(profile.ProvidesApis)),
            ("repository", profile.Repository),
            ("runbook", profile.Runbook),
            ("on-call", profile.OnCall),
            ("footprint", state.Footprint is { } f ? $"{f.Hosts} hosts, {f.Zones} zones, {f.Regions} regions, {f.Providers} providers — exposure: {f.Exposure.ToString().ToLowerInvariant()}" : null),
            ("description", profile.Description),
        ]));
        PrintStores(console, state);
        PrintFacts(console, state.Facts);
        PrintDependencies(console, state);
        PrintDependents(console, dependents);
        PrintItems(console, state);
    }

    private static void PrintStores(IAnsiConsole console, ServiceState state)
    {
        if (state.DataStores.Count == 0)
        {
            return;
        }

        var table = Tables.Create("data store", "engine", "primitive", "unit of failure");
        foreach (var store in state.DataStores)
        {
            table.Row(store.Name, store.Engine, Names.Kebab(store.Primitive), Names.Kebab(store.UnitOfFailure));
        }

        console.Write(table);
    }

    private static void PrintFacts(IAnsiConsole console, OperationalFacts facts)
    {
        console.Heading("Operational facts");
        console.Write(Tables.Details([
            ("autoscaling", facts.Autoscaling is { } a ? (a.Enabled ? $"on, reacts in {a.ReactionSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"} s" : "off") : null),
            ("failover", facts.Failover is { } fo ? $"{Names.Kebab(fo.Mechanism)}, last exercised {Date(fo.LastExercised)}" : null),
            ("manual deploy steps", facts.ManualDeploySteps?.ToString(CultureInfo.InvariantCulture)),
            ("manual runbook steps", facts.ManualRunbookSteps?.ToString(CultureInfo.InvariantCulture)),
            ("environments", Join(facts.Environments.Select(Names.Kebab))),
            ("performance tests in", Join(facts.PerformanceTestEnvironments.Select(Names.Kebab))),
            ("learning-mode launches", Flag(facts.LearningModeLaunches)),
            ("tracing coverage", facts.TracingCoveragePercent is { } t ? $"{t}%" : null),
            ("per-customer SLA alerting", Flag(facts.PerCustomerSlaAlerting)),
            ("last chaos experiment", Date(facts.LastChaosExperiment)),
            ("last GameDay", Date(facts.LastGameDay)),
            ("last DR test", Date(facts.LastDrTest)),
        ]));
    }

    private static void PrintDependencies(IAnsiConsole console, ServiceState state)
    {
        console.Heading($"Depends on ({state.Dependencies.Count})");
        if (state.Dependencies.Count == 0)
        {
            return;
        }

        var table = Tables.Create("target", "critical path", "sync", "timeout", "cache", "degrades", "retries", "breaker");
        foreach (var edge in state.Dependencies)
        {
            table.Row(edge.Target, YesNo(edge.CriticalPath), YesNo(edge.Synchronous), edge.TimeoutMs is { } ms ? $"{ms} ms" : "none",
                YesNo(edge.ClientCache), YesNo(edge.GracefulDegradation), edge.Retries.ToString(CultureInfo.InvariantCulture), YesNo(edge.CircuitBreaker));
        }

        console.Write(table);
    }

    private static void PrintDependents(IAnsiConsole console, IReadOnlyList<Dependent> dependents)
    {
        console.Heading($"Called by ({dependents.Count})");
        if (dependents.Count == 0)
        {
            return;
        }

        var table = Tables.Create("caller", "tier", "critical path", "sync");
        foreach (var caller in dependents)
        {
            table.Row(caller.Id, caller.Tier?.ToString(CultureInfo.InvariantCulture), YesNo(caller.CriticalPath), YesNo(caller.Synchronous));
        }

        console.Write(table);
    }

    private static void PrintItems(IAnsiConsole console, ServiceState state)
    {
        console.Heading($"Remediation items ({state.RemediationItems.Count})");
        if (state.RemediationItems.Count == 0)
        {
            return;
        }

        var table = Tables.Create("id", "title", "status", "priority", "due", "term", "programme");
        foreach (var item in state.RemediationItems)
        {
            table.Row(item.Id, item.Title, Names.Kebab(item.Status), Names.Kebab(item.Priority), item.TargetQuarter?.ToString() ?? Date(item.Eta), Names.Kebab(item.Term), item.Programme);
        }

        console.Write(table);
    }

    private static string? Join(IEnumerable<string> values) => values.Any() ? string.Join(", ", values) : null;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";

    private static string? Flag(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string YesNo(bool value) => value ? "yes" : "no";
}
