using System.Text;

namespace Governance.Integrations.Import;

/// <summary>For each list whose domain positions differ from the file's (sorted, or items left out), the file position of each domain item.</summary>
internal sealed record ListOrders(int[]? Dependencies = null, int[]? RemediationItems = null, int[]? DependencyOf = null);

/// <summary>
/// Maps a domain field path onto one fleet-format item by walking its YAML: the fleet format uses the domain's
/// field names, so only list positions need translating (the domain sorts dependencies and items; the file need not).
/// </summary>
internal sealed class FleetSourceMap(string file, YamlMapping item, string prefix, ListOrders? orders = null) : ISourceMap
{
    public (string Field, SourceLocation Location) Resolve(string domainPath)
    {
        YamlNode node = item;
        var field = new StringBuilder(prefix);
        var segments = domainPath.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Split(segments[i]);
            if (node is not YamlMapping map)
            {
                break;
            }

            if (map.Get(name) is not { } child)
            {
                // A missing field is reported where it should have been: on its mapping.
                Separate(field).AppendJoin('.', segments[i..]);
                break;
            }

            Separate(field).Append(name);
            node = child;
            if (index is { } position)
            {
                var yamlIndex = Reorder(name, position);
                field.Append('[').Append(yamlIndex).Append(']');
                if (node is not YamlSequence sequence || yamlIndex >= sequence.Items.Count)
                {
                    break;
                }

                node = sequence.Items[yamlIndex];
            }
        }

        return (field.ToString(), new SourceLocation(file, node.Line, node.Column));
    }

    // An item read at the root of its own text (a request body) has no prefix to separate from.
    private static StringBuilder Separate(StringBuilder field) => field.Length == 0 ? field : field.Append('.');

    private int Reorder(string list, int index)
    {
        var order = list switch
        {
            "dependencies" => orders?.Dependencies,
            "remediationItems" => orders?.RemediationItems,
            "dependencyOf" => orders?.DependencyOf,
            _ => null,
        };
        return order is not null && index < order.Length ? order[index] : index;
    }

    private static (string Name, int? Index) Split(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        return open < 0
            ? (segment, null)
            : (segment[..open], int.Parse(segment.AsSpan(open + 1, segment.Length - open - 2), System.Globalization.CultureInfo.InvariantCulture));
    }
}
