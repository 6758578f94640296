namespace Governance.Integrations.Import;

/// <summary>Turns the paths an import is given into the files it reads: files as given, folders searched for YAML files.</summary>
internal static class FileDiscovery
{
    /// <summary>
    /// Files in order: each path in turn, a folder's *.yaml and *.yml files sorted by path (ordinal, so the same on every machine).
    /// Folders whose names start with a dot (.git, .github) are left out: they hold tooling, not catalogs.
    /// </summary>
    public static IEnumerable<string> Expand(string path, List<ImportProblem> errors)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Search(path).Order(StringComparer.Ordinal);
        }

        errors.Add(new ImportProblem(new SourceLocation(path, 1, 1), "(path)", "no such file or folder"));
        return [];
    }

    private static IEnumerable<string> Search(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!Path.GetFileName(child).StartsWith('.'))
            {
                foreach (var file in Search(child))
                {
                    yield return file;
                }
            }
        }
    }
}
