using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>One Backstage entity document with its envelope read: what every kind's mapper starts from.</summary>
internal sealed class BackstageEntity(FileResult result, YamlMapping root, string kind, List<ImportProblem> errors)
{
    public FileResult Result { get; } = result;

    public YamlMapping Root { get; } = root;

    /// <summary>The kind as the format spells it (Component, API, …).</summary>
    public string Kind { get; } = kind;

    public FieldReader Reader { get; } = new(result.File, errors);

    public List<ImportProblem> Errors { get; } = errors;

    public List<PendingReference> References { get; } = [];

    public YamlMapping Metadata { get; set; } = new(root.Line, root.Column);

    /// <summary>The spec, or an empty mapping where it is absent (already reported when required).</summary>
    public YamlMapping Spec { get; set; } = new(root.Line, root.Column);

    /// <summary>False when the document has no spec mapping (already reported), so that its fields are not reported again.</summary>
    public bool HasSpec { get; set; }

    /// <summary>metadata.name as written.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>metadata.namespace in lower case; the default namespace when absent.</summary>
    public string Namespace { get; set; } = Domain.Catalog.EntityRefs.DefaultNamespace;

    public SourceLocation Location => Reader.At(Root);

    public SourceLocation At(YamlNode node) => Reader.At(node);

    public void Warn(YamlNode node, string field, string message) => Result.Warn(At(node), field, message);

    /// <summary>Reports the spec fields the descriptor format requires for this kind and that are absent.</summary>
    public void RequireSpec(params string[] keys)
    {
        if (!HasSpec)
        {
            return;
        }

        foreach (var key in keys)
        {
            Reader.Require(Spec, key, "spec");
        }
    }

    /// <summary>A text spec field; null when absent (ill-typed values are reported).</summary>
    public string? SpecString(string key) => Reader.String(Spec, key, "spec");

    /// <summary>A text metadata field; null when absent (ill-typed values are reported).</summary>
    public string? MetadataString(string key) => Reader.String(Metadata, key, "metadata");

    /// <summary>The node under a spec field, or null when absent.</summary>
    public YamlNode? SpecValue(string key) => FieldReader.Value(Spec, key);

    /// <summary>Where metadata.name is written, for errors about the id.</summary>
    public SourceLocation NameLocation => At(Metadata.Get("name") ?? (YamlNode)Metadata);
}
