using Governance.Domain.Remediation;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads a fleet service's remediation items.</summary>
internal static class FleetRemediationReader
{
    private static readonly KeySet _keys = new(
        "id", "title", "description", "programme", "owner", "priority", "status", "openedOn", "targetQuarter", "eta", "completedAt", "customerFacing", "customerRestricted");

    /// <summary>The items sorted by id as the domain keeps them, and for each the position it had in the file (null when unchanged).</summary>
    public static (IReadOnlyList<RemediationItem>? Items, int[]? Order) Read(FieldReader reader, YamlMapping service, string path)
    {
        if (reader.Sequence(service, "remediationItems", path) is not { } sequence)
        {
            return (null, null);
        }

        var items = new List<RemediationItem>(sequence.Items.Count);
        var positions = new List<int>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{FieldReader.Join(path, "remediationItems")}[{i}]";
            if (sequence.Items[i] is YamlMapping map)
            {
                items.Add(ReadItem(reader, map, itemPath));
                positions.Add(i);
            }
            else
            {
                reader.Error(sequence.Items[i], itemPath, $"must be a mapping with id, title and openedOn, was {sequence.Items[i].Describe}");
            }
        }

        var order = Enumerable.Range(0, items.Count).OrderBy(i => items[i].Id, StringComparer.Ordinal).ToArray();
        return ([.. order.Select(i => items[i])], [.. order.Select(i => positions[i])]);
    }

    /// <summary>Reads one item at <paramref name="path"/>.</summary>
    public static RemediationItem ReadItem(FieldReader reader, YamlMapping map, string path)
    {
        reader.CheckKeys(map, path, _keys);
        var id = reader.RequiredString(map, "id", path);
        var title = reader.RequiredString(map, "title", path);
        var openedOn = reader.Require(map, "openedOn", path) ? reader.Date(map, "openedOn", path) : null;
        return new RemediationItem(id, title)
        {
            Description = reader.String(map, "description", path),
            Programme = reader.String(map, "programme", path),
            Owner = reader.String(map, "owner", path),
            Priority = reader.Enum<Priority>(map, "priority", path) ?? Priority.Medium,
            Status = reader.Enum<RemediationStatus>(map, "status", path) ?? RemediationStatus.Open,
            OpenedOn = openedOn ?? default,
            TargetQuarter = reader.Quarter(map, "targetQuarter", path),
            Eta = reader.Date(map, "eta", path),
            CompletedAt = reader.Time(map, "completedAt", path),
            CustomerFacing = reader.String(map, "customerFacing", path),
            CustomerRestricted = reader.Bool(map, "customerRestricted", path) ?? false,
        };
    }
}
