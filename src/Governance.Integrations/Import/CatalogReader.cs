namespace Governance.Integrations.Import;

/// <summary>
/// Reads catalog files — the fleet format and Backstage descriptors, mixed freely — into a plan of definitions and problems.
/// Nothing is written: the caller applies the plan when it has no errors.
/// </summary>
public static class CatalogReader
{
    /// <summary>Reads <paramref name="paths"/>: files, or folders searched recursively for *.yaml and *.yml in sorted order.</summary>
    public static CatalogImportPlan Read(IReadOnlyList<string> paths, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var session = new ImportSession(options.ConfineTo);
        foreach (var path in paths)
        {
            session.AddPath(path);
        }

        session.ReadAll();
        return PlanAssembler.Assemble(session, options);
    }
}
