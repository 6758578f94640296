namespace Governance.Integrations.Import;

/// <summary>Everything an import would write, and every problem found on the way; nothing is written while it has errors.</summary>
public sealed record CatalogImportPlan(
    IReadOnlyList<string> Files,
    IReadOnlyList<ImportedService> Services,
    IReadOnlyList<ImportedEntity> Entities,
    IReadOnlyList<ImportProblem> Errors,
    IReadOnlyList<ImportProblem> Warnings,
    IReadOnlyList<SkippedEntity> Skipped)
{
    public bool HasErrors => Errors.Count > 0;
}
