using Governance.Integrations.Backstage;
using Governance.Integrations.FleetFormat;

namespace Governance.Integrations.Import;

/// <summary>Reads one catalog file, document by document, handing each to the reader of its format.</summary>
internal static class CatalogFileReader
{
    public static FileResult Read(string file)
    {
        var result = new FileResult(file);
        YamlDocumentReader? reader = null;
        try
        {
            if (TooBig(file) is { } tooBig)
            {
                return Failed(file, new SourceLocation(file, 1, 1), tooBig, "(file)");
            }

            using var text = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            reader = new YamlDocumentReader(text);
            var index = 0;
            while (ReadDocument(reader, result, index))
            {
                index++;
            }
        }
        catch (Exception exception) when (YamlFailures.Locate(exception, file, reader, () => new StreamReader(file, detectEncodingFromByteOrderMarks: true)) is { } problem)
        {
            return Failed(file, problem.Location, problem.Message, problem.Field);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed(file, new SourceLocation(file, 1, 1), $"cannot be read: {exception.Message}", "(file)");
        }

        return result;
    }

    /// <summary>Reads and routes the next document; false at the end of the file.</summary>
    private static bool ReadDocument(YamlDocumentReader reader, FileResult result, int index)
    {
        FleetDocumentReader? fleet = null;
        try
        {
            if (!reader.TryRead((root, key) => (fleet ??= FleetDocumentReader.TryStart(root, result))?.Streamer(key), out var root))
            {
                return false;
            }

            Route(root, fleet, result, index);
            return true;
        }
        finally
        {
            fleet?.Dispose();
        }
    }

    private static void Route(YamlNode? root, FleetDocumentReader? fleet, FileResult result, int index)
    {
        if (root is null)
        {
            return;
        }

        if (root is not YamlMapping map)
        {
            var at = new SourceLocation(result.File, root.Line, root.Column);
            result.Errors.Add(new ImportProblem(at, "(document)", $"a catalog document must be a mapping with apiVersion and kind, was {root.Describe}"));
            return;
        }

        var apiVersion = FieldReader.Text(map, "apiVersion");
        var kind = FieldReader.Text(map, "kind");
        if (kind == FleetDocumentReader.Kind || apiVersion == FleetDocumentReader.ApiVersion || (apiVersion is null && kind is null && FleetDocumentReader.LooksLikeFleet(map)))
        {
            (fleet ?? new FleetDocumentReader(result)).Finish(map, index);
        }
        else if (BackstageDocumentReader.Handles(apiVersion, kind))
        {
            BackstageDocumentReader.Read(map, result, index);
        }
        else
        {
            Unknown(map, apiVersion, kind, result, index);
        }
    }

    private static void Unknown(YamlMapping root, string? apiVersion, string? kind, FileResult result, int index)
    {
        var at = new SourceLocation(result.File, root.Line, root.Column);
        if (kind is null)
        {
            var field = apiVersion is null ? "apiVersion" : "kind";
            var required = $"is required: a catalog document starts with apiVersion and kind ({FleetDocumentReader.ApiVersion} {FleetDocumentReader.Kind}, or a Backstage kind)";
            result.Errors.Add(new ImportProblem(at, field, required));
            return;
        }

        var kindNode = root.Get("kind")!;
        var what = kind.Trim().Length == 0 ? "is empty" : $"unknown kind '{kind}'";
        var message = $"{what} (apiVersion '{apiVersion}'); expected {FleetDocumentReader.Kind} (apiVersion {FleetDocumentReader.ApiVersion}) "
            + $"or a Backstage kind (apiVersion backstage.io/v1alpha1): {BackstageKinds.Listing}";
        var name = (FieldReader.Value(root, "metadata") as YamlMapping)?.Get("name") as YamlScalar;
        var label = name is null || kind.Trim().Length == 0 ? $"document {index + 1}" : $"{kind.ToLowerInvariant()}:{name.Value.ToLowerInvariant()}";
        result.Unusable.Add(new UnusableDraft(label, at, [new ImportProblem(new SourceLocation(result.File, kindNode.Line, kindNode.Column), "kind", message)]));
    }

    /// <summary>Why <paramref name="file"/> is too big to read, or null; its size is asked before a byte is read.</summary>
    internal static string? TooBig(string file)
    {
        var length = new FileInfo(file).Length;
        return length > InputLimits.MaxFileBytes
            ? $"is {InputLimits.Bytes(length)}; a file may hold at most {InputLimits.Bytes(InputLimits.MaxFileBytes)} (the limit): split it"
            : null;
    }

    private static FileResult Failed(string file, SourceLocation location, string message, string field)
    {
        var failed = new FileResult(file);
        failed.Errors.Add(new ImportProblem(location, field, message));
        return failed;
    }
}
