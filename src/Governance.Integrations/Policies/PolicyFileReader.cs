using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads one policy file, document by document, handing each to the reader of its kind.</summary>
internal static class PolicyFileReader
{
    public const string ApiVersion = "governance/v1";
    public const string PolicyKind = "Policy";
    public const string TierTargetsKind = "TierTargets";
    public const string WaiverRulesKind = "WaiverRules";

    /// <summary>Reads <paramref name="file"/> into <paramref name="documents"/>; its bytes (for the set's hash), or null when it cannot be read.</summary>
    public static byte[]? Read(string file, List<ImportProblem> errors, PolicyDocuments documents)
    {
        byte[] bytes;
        try
        {
            var refusal = FileSystemProbe.Probe(file) is (EntryKind.Special, var what)
                ? $"is {what}, not a regular file: never opened"
                : CatalogFileReader.TooBig(file);
            if (refusal is not null)
            {
                errors.Add(new ImportProblem(new SourceLocation(file, 1, 1), "(file)", refusal));
                return null;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ImportProblem(new SourceLocation(file, 1, 1), "(file)", $"cannot be read: {exception.Message}"));
            return null;
        }

        // Documents join the set only when the whole file is well-formed YAML.
        var fileErrors = new List<ImportProblem>();
        var fileDocuments = new PolicyDocuments();
        if (Parse(file, bytes, fileErrors, fileDocuments) is { } syntaxError)
        {
            errors.Add(syntaxError);
            return bytes;
        }

        errors.AddRange(fileErrors);
        documents.Policies.AddRange(fileDocuments.Policies);
        documents.TierTargets.AddRange(fileDocuments.TierTargets);
        documents.WaiverRules.AddRange(fileDocuments.WaiverRules);
        return bytes;
    }

    /// <summary>Reads every document; the syntax error that stopped the parser, if any.</summary>
    private static ImportProblem? Parse(string file, byte[] bytes, List<ImportProblem> errors, PolicyDocuments documents)
    {
        YamlDocumentReader? reader = null;
        try
        {
            using var text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            reader = new YamlDocumentReader(text);
            while (reader.TryRead(streamer: null, out var root))
            {
                Route(root, new FieldReader(file, errors), documents);
            }

            return null;
        }
        catch (Exception exception) when (YamlFailures.Locate(exception, file, reader, () => new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true)) is { } problem)
        {
            return problem;
        }
    }

    private static void Route(YamlNode? root, FieldReader reader, PolicyDocuments documents)
    {
        if (root is null)
        {
            return;
        }

        if (root is not YamlMapping map)
        {
            reader.Error(root, "(document)", $"a policy document must be a mapping with apiVersion and kind, was {root.Describe}");
            return;
        }

        var kind = Text(map, "kind");
        if (!CheckHeader(map, kind, reader))
        {
            return;
        }

        if (kind == PolicyKind)
        {
            if (new PolicyDocumentReader(reader).Read(map) is { } draft)
            {
                documents.Policies.Add(draft);
            }
        }
        else if (kind == TierTargetsKind)
        {
            documents.TierTargets.Add(new TierTargetsDraft(new TierTargetsReader(reader).Read(map), reader.At(map)));
        }
        else
        {
            documents.WaiverRules.Add(new WaiverRulesDraft(WaiverRulesReader.Read(reader, map), reader.At(map)));
        }
    }

    private static bool CheckHeader(YamlMapping map, string? kind, FieldReader reader)
    {
        var apiVersion = Text(map, "apiVersion");
        if (apiVersion != ApiVersion)
        {
            var message = apiVersion is null ? $"is required: a policy document starts with apiVersion: {ApiVersion}" : $"must be {ApiVersion}, was '{apiVersion}'";
            reader.Error(map.Get("apiVersion") ?? map, "apiVersion", message);
            return false;
        }

        if (kind is PolicyKind or TierTargetsKind or WaiverRulesKind)
        {
            return true;
        }

        const string Kinds = $"{PolicyKind}, {TierTargetsKind} or {WaiverRulesKind}";
        var problem = kind is null ? $"is required: {Kinds}" : $"unknown kind '{kind}'; expected {Kinds}";
        reader.Error(map.Get("kind") ?? map, "kind", problem);
        return false;
    }

    private static string? Text(YamlMapping map, string key) => FieldReader.Value(map, key) is YamlScalar scalar ? scalar.Value : null;
}
