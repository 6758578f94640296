namespace Governance.Integrations.Import;

/// <summary>
/// Turns the paths an import is given into the files it reads: files as given, folders searched for YAML files. A search
/// stays inside its folder and never loops: a link that leads out of it, or back to a folder already searched, is not
/// followed; FIFOs, sockets and devices are never opened. Each is a warning naming the path.
/// </summary>
internal static class FileDiscovery
{
    private const string Field = "(path)";

    /// <summary>
    /// Files in order: each path in turn, a folder's *.yaml and *.yml files sorted by path (ordinal, so the same on every machine).
    /// Folders whose names start with a dot (.git, .github) are left out: they hold tooling, not catalogs.
    /// </summary>
    public static IEnumerable<string> Expand(string path, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        switch (FileSystemProbe.Probe(path))
        {
            case (EntryKind.File, _):
                return [path];
            case (EntryKind.Directory, _):
                return Search(path, errors, warnings).Order(StringComparer.Ordinal);
            case (EntryKind.Special, var what):
                warnings.Add(Problem(path, $"is {what}, not a regular file: skipped, never opened"));
                return [];
            default:
                errors.Add(Problem(path, "no such file or folder"));
                return [];
        }
    }

    /// <summary>The folder an import of <paramref name="path"/> reads in: a folder itself, a file's folder; real paths, links resolved.</summary>
    public static string? ScopeOf(string path) =>
        FileSystemProbe.Probe(path).Kind == EntryKind.Directory
            ? FileSystemProbe.RealPath(path)
            : FileSystemProbe.RealPath(Path.GetDirectoryName(Path.GetFullPath(path)) ?? path);

    // Folder by folder with a stack of its own: a deep tree costs no recursion.
    private static List<string> Search(string folder, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        var root = FileSystemProbe.RealPath(folder) ?? Path.GetFullPath(folder);
        var searched = new HashSet<string>(StringComparer.Ordinal) { root };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in Entries(directory, errors))
            {
                var linked = new FileInfo(entry).LinkTarget is not null;
                var (kind, what) = FileSystemProbe.Probe(entry);
                var name = Path.GetFileName(entry);
                if (kind == EntryKind.Directory)
                {
                    if (!name.StartsWith('.') && Enter(entry, linked, root, folder, searched, warnings))
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsCatalogName(name))
                {
                    if (Accept(entry, kind, what, linked, root, folder, warnings))
                    {
                        files.Add(entry);
                    }
                }
            }
        }

        return files;
    }

    /// <summary>True when the search goes into <paramref name="entry"/>: a folder not searched yet, inside the one imported.</summary>
    private static bool Enter(string entry, bool linked, string root, string folder, HashSet<string> searched, List<ImportProblem> warnings)
    {
        var real = FileSystemProbe.RealPath(entry) ?? Path.GetFullPath(entry);
        if (linked && !FileSystemProbe.IsWithin(real, root))
        {
            warnings.Add(Problem(entry, $"is a link to {real}, outside {folder}: not followed (name that folder itself to read it)"));
            return false;
        }

        if (!searched.Add(real))
        {
            warnings.Add(Problem(entry, $"leads to {real}, a folder this import already searches: not followed again"));
            return false;
        }

        return true;
    }

    /// <summary>True when <paramref name="entry"/>, a YAML file's name, is read: a regular file inside the folder imported.</summary>
    private static bool Accept(string entry, EntryKind kind, string what, bool linked, string root, string folder, List<ImportProblem> warnings)
    {
        switch (kind)
        {
            case EntryKind.Special:
                warnings.Add(Problem(entry, $"is {what}, not a regular file: skipped, never opened"));
                return false;
            case EntryKind.Missing:
                warnings.Add(Problem(entry, "is a link to nothing: skipped"));
                return false;
        }

        if (linked && FileSystemProbe.RealPath(entry) is { } real && !FileSystemProbe.IsWithin(real, root))
        {
            warnings.Add(Problem(entry, $"is a link to {real}, outside {folder}: not read (name that file itself to read it)"));
            return false;
        }

        return true;
    }

    // Sorted, so that warnings come in the same order on every machine. A folder that cannot be listed is an error: its
    // catalogs would be left out without a word.
    private static IEnumerable<string> Entries(string directory, List<ImportProblem> errors)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(Problem(directory, $"cannot be searched: {exception.Message}"));
            return [];
        }
    }

    private static bool IsCatalogName(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static ImportProblem Problem(string path, string message) => new(new SourceLocation(path, 1, 1), Field, message);
}
