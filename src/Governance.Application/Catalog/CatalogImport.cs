using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;
using Governance.Storage;

namespace Governance.Application.Catalog;

/// <summary>What an import did: the plan read from the files, what the store made of it, and the references left dangling.</summary>
public sealed record ImportOutcome(
    CatalogImportPlan Plan,
    BatchResult? Batch,
    bool DryRun,
    IReadOnlyList<CatalogReference> Dangling,
    IReadOnlyList<CatalogReference> Resolved)
{
    public bool Rejected => Plan.HasErrors || Batch is { Applied: false, Rejected: > 0 };
}

/// <summary>The import use case: read catalog files, apply them all-or-nothing, and check references against the whole store.</summary>
public static class CatalogImport
{
    /// <summary>Reads <paramref name="paths"/> and applies them to <paramref name="store"/> in one transaction (rolled back when <paramref name="dryRun"/>).</summary>
    public static async Task<ImportOutcome> RunAsync(GovernanceStore store, IReadOnlyList<string> paths, ImportOptions options, string actor, bool dryRun, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var plan = CatalogReader.Read(paths, options);
        if (plan.HasErrors)
        {
            return new ImportOutcome(plan, null, dryRun, [], []);
        }

        var before = await CatalogAsync(store, cancellationToken);
        var batch = new CatalogBatch([.. plan.Services.Select(service => service.Command)], [.. plan.Entities.Select(entity => entity.Command)]);
        var result = await store.ApplyBatchAsync(batch, actor, dryRun, cancellationToken);
        if (result.Rejected > 0)
        {
            return new ImportOutcome(plan, result, dryRun, [], []);
        }

        var after = Overlay(before, plan, new CommandContext(actor, time.GetUtcNow()));
        var wasDangling = CatalogReferences.Dangling(before.Services, before.Entities).Select(Key).ToHashSet();
        var references = CatalogReferences.All(after.Services, after.Entities);
        var imported = plan.Services.Select(service => $"service:{service.Command.Profile.Id}")
            .Concat(plan.Entities.Select(entity => entity.Command.Entity.Subject))
            .ToHashSet(StringComparer.Ordinal);
        return new ImportOutcome(plan, result, dryRun,
            [.. references.Where(reference => !reference.Resolved && imported.Contains(reference.Subject))],
            [.. references.Where(reference => reference.Resolved && wasDangling.Contains(Key(reference)))]);
    }

    private static (string, string, string) Key(CatalogReference reference) => (reference.Subject, reference.Field, reference.Target);

    private static async Task<CatalogContents> CatalogAsync(GovernanceStore store, CancellationToken cancellationToken)
    {
        var services = await store.ListServicesAsync(new ServiceQuery(), cancellationToken);
        var entities = await store.ListEntitiesAsync(null, cancellationToken);
        return new CatalogContents([.. services.Select(service => service.State)], [.. entities.Select(entity => entity.State)]);
    }

    // What the store holds after the plan, decided by the same aggregates the store ran: no second read of the whole store.
    private static CatalogContents Overlay(CatalogContents current, CatalogImportPlan plan, CommandContext decision)
    {
        var services = current.Services.ToDictionary(service => service.Id, StringComparer.Ordinal);
        foreach (var define in plan.Services.Select(service => service.Command))
        {
            if (ServiceAggregate.Decide(define.Profile.Id, services.GetValueOrDefault(define.Profile.Id), define, decision) is CommandOutcome<ServiceState>.Accepted accepted)
            {
                services[accepted.State.Id] = accepted.State;
            }
        }

        var entities = current.Entities.ToDictionary(entity => entity.Subject, StringComparer.Ordinal);
        foreach (var define in plan.Entities.Select(entity => entity.Command))
        {
            entities[define.Entity.Subject] = define.Entity;
        }

        return new CatalogContents([.. services.Values], [.. entities.Values]);
    }

    private sealed record CatalogContents(IReadOnlyCollection<ServiceState> Services, IReadOnlyCollection<CatalogEntity> Entities);
}
