namespace Governance.Integrations.Import;

/// <summary>The files of one import, read once each in a fixed order, including files that Location entities lead to.</summary>
internal sealed class ImportSession(string? confineTo = null)
{
    private readonly string? _root = confineTo is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(confineTo)) + Path.DirectorySeparatorChar;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    public List<string> Files { get; } = [];

    public List<FileResult> Results { get; } = [];

    /// <summary>Problems outside any file's content: missing paths and Location targets.</summary>
    public List<ImportProblem> Errors { get; } = [];

    public List<ImportProblem> Warnings { get; } = [];

    public void AddPath(string path)
    {
        foreach (var file in FileDiscovery.Expand(path, Errors))
        {
            Enqueue(file);
        }
    }

    public void ReadAll()
    {
        while (_pending.TryDequeue(out var file))
        {
            Files.Add(file);
            var result = CatalogFileReader.Read(file);
            Results.Add(result);
            foreach (var target in result.Targets)
            {
                Follow(target);
            }
        }
    }

    private void Follow(LocationTarget target)
    {
        if (_root is not null && !Path.GetFullPath(target.Path).StartsWith(_root, StringComparison.Ordinal))
        {
            Errors.Add(new ImportProblem(target.Location, target.Field, "the target is outside the files of this import: send it with them"));
        }
        else if (File.Exists(target.Path))
        {
            Enqueue(target.Path);
        }
        else if (target.Optional)
        {
            Warnings.Add(new ImportProblem(target.Location, target.Field, $"optional target '{target.Path}' does not exist"));
        }
        else
        {
            Errors.Add(new ImportProblem(target.Location, target.Field, $"target '{target.Path}' does not exist (mark it presence: optional if that is expected)"));
        }
    }

    /// <summary>Queues a file unless it is already part of the import; the same file is known by its full path however it was named.</summary>
    private void Enqueue(string file)
    {
        if (_known.Add(Path.GetFullPath(file)))
        {
            _pending.Enqueue(NormalizeRelative(file));
        }
    }

    /// <summary>Drops <c>./</c> and <c>dir/../</c> from a path, keeping it relative when it was, so messages name files as the user did.</summary>
    internal static string NormalizeRelative(string file)
    {
        var separator = Path.DirectorySeparatorChar;
        var segments = new List<string>();
        foreach (var segment in file.Replace(Path.AltDirectorySeparatorChar, separator).Split(separator))
        {
            if (segment == "." || (segment.Length == 0 && segments.Count > 0))
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] is not (".." or ""))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join(separator, segments);
    }
}
