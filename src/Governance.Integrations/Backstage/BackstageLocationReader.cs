using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>
/// Reads a Location entity: files it names are read as part of the import (relative to the Location's own file);
/// URLs are not fetched, since an import reads only local files.
/// </summary>
internal static class BackstageLocationReader
{
    public static void Read(BackstageEntity entity, string label)
    {
        var targets = new List<(string Target, string Field, YamlNode Node)>();
        if (entity.SpecValue("target") is { } single)
        {
            AddTarget(entity, single, "spec.target", targets);
        }

        if (entity.Reader.Sequence(entity.Spec, "targets", "spec") is { } list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                AddTarget(entity, list.Items[i], $"spec.targets[{i}]", targets);
            }
        }

        var presence = entity.SpecString("presence");
        if (presence is not (null or "required" or "optional"))
        {
            entity.Reader.Error(entity.SpecValue("presence")!, "spec.presence", $"unknown value '{presence}'; expected one of required, optional");
        }

        if (entity.Errors.Count > 0)
        {
            entity.Result.Unusable.Add(new UnusableDraft(label, entity.Location, entity.Errors));
            return;
        }

        var directory = Path.GetDirectoryName(entity.Result.File) ?? string.Empty;
        foreach (var (target, field, node) in targets)
        {
            Follow(entity, directory, target, field, node, presence == "optional");
        }
    }

    private static void AddTarget(BackstageEntity entity, YamlNode node, string field, List<(string, string, YamlNode)> targets)
    {
        // No file system takes a NUL in a path: such a target names no file, and .NET refuses to handle it.
        if (node is YamlScalar { IsNull: false } text && text.Value.Contains('\0', StringComparison.Ordinal))
        {
            entity.Reader.Error(node, field, "must be a file path or URL, was a text holding a NUL character");
        }
        else if (node is YamlScalar { IsNull: false } path && path.Value.Trim().Length > 0)
        {
            targets.Add((path.Value.Trim(), field, node));
        }
        else
        {
            entity.Reader.Error(node, field, $"must be a file path or URL, was {node.Describe}");
        }
    }

    private static void Follow(BackstageEntity entity, string directory, string target, string field, YamlNode node, bool optional)
    {
        if (target.Contains("://", StringComparison.Ordinal))
        {
            entity.Warn(node, field, $"'{target}' is a URL and is not fetched: import its files from a local copy");
            return;
        }

        if (target.Contains('*', StringComparison.Ordinal))
        {
            entity.Warn(node, field, $"'{target}' is a glob and is not expanded: pass its folder to the import instead");
            return;
        }

        entity.Result.Targets.Add(new LocationTarget(Path.Combine(directory, target), optional, field, entity.At(node)));
    }
}
