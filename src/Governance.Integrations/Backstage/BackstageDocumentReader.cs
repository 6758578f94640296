using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>Reads one Backstage descriptor document: its envelope (apiVersion, kind, metadata, spec), then the mapper of its kind.</summary>
internal static class BackstageDocumentReader
{
    /// <summary>True for documents with a Backstage apiVersion, or with none but a Backstage kind.</summary>
    public static bool Handles(string? apiVersion, string? kind) =>
        BackstageKinds.IsBackstageApiVersion(apiVersion) || (apiVersion is null && BackstageKinds.Canonical(kind) is not null);

    public static void Read(YamlMapping root, FileResult result, int documentIndex)
    {
        var errors = new List<ImportProblem>();
        var reader = new FieldReader(result.File, errors);
        reader.CheckKeys(root, string.Empty, null);
        reader.Require(root, "apiVersion", string.Empty);
        var kindText = reader.RequiredString(root, "kind", string.Empty);
        var kind = BackstageKinds.Canonical(kindText);
        if (kind == BackstageKinds.Template)
        {
            result.Warn(reader.At(root.Get("kind")!), "kind", "Template entities (scaffolder templates) are not imported; skipped");
            return;
        }

        var entity = new BackstageEntity(result, root, kind ?? kindText, errors);
        ReadMetadata(entity);
        if (kind is null)
        {
            // An absent or null kind is already reported as required; an empty text must not slip through unreported.
            if (kindText.Trim().Length > 0)
            {
                reader.Error(root.Get("kind")!, "kind", $"unknown kind '{kindText}'; expected one of {BackstageKinds.Listing}");
            }
            else if (FieldReader.Value(root, "kind") is YamlScalar empty)
            {
                reader.Error(empty, "kind", $"is empty; expected one of {BackstageKinds.Listing}");
            }

            result.Unusable.Add(new UnusableDraft(Label(entity, documentIndex), entity.Location, errors));
            return;
        }

        ReadSpec(entity);
        switch (kind)
        {
            case BackstageKinds.Location:
                BackstageLocationReader.Read(entity, Label(entity, documentIndex));
                break;
            case BackstageKinds.Component or BackstageKinds.Resource:
                result.Services.Add(BackstageServiceMapper.Map(entity));
                break;
            default:
                result.Entities.Add(BackstageEntityMapper.Map(entity));
                break;
        }
    }

    private static void ReadMetadata(BackstageEntity entity)
    {
        var reader = entity.Reader;
        if (reader.Mapping(entity.Root, "metadata", string.Empty) is not { } metadata)
        {
            reader.Require(entity.Root, "metadata", string.Empty);
            return;
        }

        entity.Metadata = metadata;
        reader.CheckKeys(metadata, "metadata", null);
        entity.Name = reader.RequiredString(metadata, "name", "metadata");
        if (entity.Name.Length > 0 && !BackstageKinds.IsValidName(entity.Name))
        {
            reader.Error(metadata.Get("name")!, "metadata.name", $"'{entity.Name}' is not a valid name: 1–63 letters and digits, separated by one of - _ .");
        }

        if (reader.String(metadata, "namespace", "metadata") is { } ns)
        {
            if (BackstageKinds.IsValidNamespace(ns))
            {
                entity.Namespace = ns.ToLowerInvariant();
            }
            else
            {
                reader.Error(metadata.Get("namespace")!, "metadata.namespace", $"'{ns}' is not a valid namespace: at most 63 letters and digits, separated by -");
            }
        }
    }

    private static void ReadSpec(BackstageEntity entity)
    {
        if (entity.Reader.Mapping(entity.Root, "spec", string.Empty) is { } spec)
        {
            entity.Spec = spec;
            entity.HasSpec = true;
            entity.Reader.CheckKeys(spec, "spec", null);
        }
        else
        {
            entity.Reader.Require(entity.Root, "spec", string.Empty);
        }
    }

    private static string Label(BackstageEntity entity, int documentIndex) =>
        entity.Name.Length > 0 && entity.Kind.Trim().Length > 0 ? $"{entity.Kind.ToLowerInvariant()}:{entity.Name.ToLowerInvariant()}" : $"document {documentIndex + 1}";
}
