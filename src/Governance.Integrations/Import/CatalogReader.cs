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

    /// <summary>
    /// The files an import of <paramref name="paths"/> starts from, in the order it reads them (a folder's YAML files sorted),
    /// each once; a path that does not exist adds a problem to <paramref name="problems"/>, a link or special file left out a
    /// warning to <paramref name="warnings"/>. For a client that sends the files to a server to import.
    /// </summary>
    public static IReadOnlyList<string> ExpandPaths(IReadOnlyList<string> paths, List<ImportProblem> problems, List<ImportProblem>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var known = new HashSet<string>(StringComparer.Ordinal);
        return [.. paths
            .SelectMany(path => FileDiscovery.Expand(path, problems, warnings ?? []))
            .Where(file => known.Add(FileSystemProbe.RealPath(file) ?? Path.GetFullPath(file)))
            .Select(ImportSession.NormalizeRelative)];
    }
}
