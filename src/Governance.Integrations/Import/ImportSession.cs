namespace Governance.Integrations.Import;

/// <summary>The files of one import, read once each in a fixed order, including files that Location entities lead to.</summary>
internal sealed class ImportSession(string? confineTo = null)
{
    private readonly string? _confinedTo = confineTo is null ? null : FileSystemProbe.RealPath(confineTo) ?? Path.GetFullPath(confineTo);

    // The folders this import reads in (each folder given, each given file's folder): a Location may lead nowhere else.
    private readonly List<string> _scope = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    public List<string> Files { get; } = [];

    public List<FileResult> Results { get; } = [];

    /// <summary>Problems outside any file's content: missing paths and Location targets.</summary>
    public List<ImportProblem> Errors { get; } = [];

    public List<ImportProblem> Warnings { get; } = [];

    public void AddPath(string path)
    {
        if (_confinedTo is null && FileDiscovery.ScopeOf(path) is { } folder && !_scope.Contains(folder, StringComparer.Ordinal))
        {
            _scope.Add(folder);
        }

        foreach (var file in FileDiscovery.Expand(path, Errors, Warnings))
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
        // Judged by where the target really is, links resolved, before anything says whether it exists.
        var full = Path.GetFullPath(target.Path);
        var real = FileSystemProbe.RealPath(full) ?? full;
        if (_confinedTo is not null ? !FileSystemProbe.IsWithin(real, _confinedTo) : !_scope.Any(folder => FileSystemProbe.IsWithin(real, folder)))
        {
            var refusal = _confinedTo is not null
                ? "the target is outside the files of this import: send it with them"
                : "the target is outside the folders of this import: name its folder in the import too";
            Errors.Add(new ImportProblem(target.Location, target.Field, refusal));
            return;
        }

        switch (FileSystemProbe.Probe(full))
        {
            case (EntryKind.File, _):
                Enqueue(target.Path);
                break;
            case (EntryKind.Directory, _):
                Errors.Add(new ImportProblem(target.Location, target.Field, $"target '{target.Path}' is a folder: name a file (or name the folder in the import)"));
                break;
            case (EntryKind.Special, var what):
                Errors.Add(new ImportProblem(target.Location, target.Field, $"target '{target.Path}' is {what}, not a regular file: not read"));
                break;
            default:
                if (target.Optional)
                {
                    Warnings.Add(new ImportProblem(target.Location, target.Field, $"optional target '{target.Path}' does not exist"));
                }
                else
                {
                    Errors.Add(new ImportProblem(target.Location, target.Field, $"target '{target.Path}' does not exist (mark it presence: optional if that is expected)"));
                }

                break;
        }
    }

    /// <summary>Queues a file unless it is already part of the import; the same file is known by its real path however it was named or linked.</summary>
    private void Enqueue(string file)
    {
        if (_known.Add(FileSystemProbe.RealPath(file) ?? Path.GetFullPath(file)))
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
