namespace Governance.Server.Imports;

/// <summary>One catalog file of an import: the path the client knows it by, and its text.</summary>
public sealed record ImportFile(string? Path, string? Content);

/// <summary>
/// An import's files written to a temporary folder of their own, under their paths made relative (no root, no <c>..</c>
/// above the folder), so that Location targets between them resolve as they did on the client. Deleted when disposed.
/// </summary>
internal sealed class UploadedFiles : IDisposable
{
    private readonly DirectoryInfo _root;
    private readonly List<(string Written, string Named)> _names = [];

    private UploadedFiles(DirectoryInfo root) => _root = root;

    /// <summary>The folder nothing of the import may leave.</summary>
    public string Root => _root.FullName;

    /// <summary>The files as written, in the order sent.</summary>
    public IReadOnlyList<string> Paths => [.. _names.Select(name => name.Written)];

    /// <summary>Writes <paramref name="files"/>; the errors name the request field (<c>files[2].path</c>) of each file that cannot be.</summary>
    public static async Task<(UploadedFiles? Files, Dictionary<string, string[]> Errors)> WriteAsync(IReadOnlyList<ImportFile?> files, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var relative = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<(string Path, int Index)>();
        for (var i = 0; i < files.Count; i++)
        {
            // JSON lets a client send null where a file should be.
            if (files[i] is not { } file)
            {
                errors[$"files[{i}]"] = ["is required: an object with a path and a content"];
                continue;
            }

            if (file.Content is null)
            {
                errors[$"files[{i}].content"] = ["is required"];
            }

            if (Relative(file.Path) is not { } path)
            {
                errors[$"files[{i}].path"] = ["is required: a file path with a name, as the client knows the file"];
            }
            else if (!relative.TryAdd(path, i))
            {
                errors[$"files[{i}].path"] = [$"is the same file as files[{relative[path]}].path"];
            }
            else
            {
                order.Add((path, i));
            }
        }

        if (files.Count == 0)
        {
            errors["files"] = ["is required: at least one catalog file"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var uploaded = new UploadedFiles(Directory.CreateTempSubdirectory("governance-import-"));
        try
        {
            foreach (var (path, index) in order)
            {
                var written = Path.GetFullPath(Path.Combine(uploaded.Root, path));
                if (!written.StartsWith(uploaded.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    errors[$"files[{index}].path"] = ["leaves the import's folder"];
                    continue;
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(written)!);
                    var file = files[index]!; // checked above: every file in the order is present
                    await File.WriteAllTextAsync(written, file.Content, cancellationToken);
                    uploaded._names.Add((written, file.Path!));
                }
                catch (IOException failure)
                {
                    errors[$"files[{index}].path"] = [$"cannot be a file beside the others: {failure.Message.Replace(uploaded.Root, string.Empty, StringComparison.Ordinal)}"];
                }
            }
        }
        catch
        {
            uploaded.Dispose();
            throw;
        }

        if (errors.Count == 0)
        {
            return (uploaded, errors);
        }

        uploaded.Dispose();
        return (null, errors);
    }

    /// <summary><paramref name="text"/> (a report line) with every written path put back as the client named it.</summary>
    public string Display(string text)
    {
        foreach (var (written, named) in _names.OrderByDescending(name => name.Written.Length))
        {
            text = text.Replace(written, named, StringComparison.Ordinal);
        }

        return text.Replace(Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the system's temporary folder is cleaned in time.
        }
    }

    /// <summary>The path below the import's folder a client path is written at: separators unified, root and leading <c>..</c> dropped.</summary>
    private static string? Relative(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return segments.Count == 0 ? null : string.Join(Path.DirectorySeparatorChar, segments);
    }
}
