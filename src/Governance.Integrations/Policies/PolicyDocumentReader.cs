using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads one <c>kind: Policy</c> document: its fields, its selector and its condition.</summary>
internal sealed partial class PolicyDocumentReader(FieldReader reader)
{
    private static readonly KeySet _keys = new("apiVersion", "kind", "id", "title", "category", "severity", "rationale", "fix", "appliesTo", "when");
    private static readonly KeySet _selectorKeys = new("tiers", "lifecycles", "teams", "tags", "kinds");
    private static readonly string[] _kinds = ["component", "resource"];

    /// <summary>The policy, or null when the document has any error (each reported).</summary>
    public PolicyDraft? Read(YamlMapping root)
    {
        var errorsBefore = reader.Errors.Count;
        reader.CheckKeys(root, string.Empty, _keys);
        var id = Id(root);
        var title = RequiredText(root, "title");
        var category = Required<PolicyCategory>(root, "category");
        var severity = Required<Severity>(root, "severity");
        var rationale = RequiredText(root, "rationale");
        var fix = RequiredText(root, "fix");
        var selector = reader.Mapping(root, "appliesTo", string.Empty) is { } appliesTo ? Selector(appliesTo) : PolicySelector.All;
        var when = reader.Require(root, "when", string.Empty) ? new ConditionReader(reader).Read(root.Get("when")!, "when", scope: null) : null;
        if (reader.Errors.Count > errorsBefore || id is null || category is null || severity is null || when is null)
        {
            return null;
        }

        var source = reader.At(root);
        var policy = new Policy(id, title, category.Value, severity.Value, rationale, fix, selector, when)
        {
            Source = new PolicySource(source.File, source.Line, source.Column),
        };
        return new PolicyDraft(policy, reader.At(root.Get("id")!));
    }

    private string? Id(YamlMapping root)
    {
        var id = reader.RequiredString(root, "id", string.Empty);
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            reader.Error(root.Get("id")!, "id", $"'{id}' is not a policy id: use lower-case letters, digits and -, starting with a letter");
            return null;
        }

        return id.Length > 0 ? id : null;
    }

    /// <summary>Required text, trimmed: folded block scalars (<c>&gt;</c>) end in a line break.</summary>
    private string RequiredText(YamlMapping root, string key)
    {
        var text = reader.RequiredString(root, key, string.Empty).Trim();
        if (text.Length == 0 && FieldReader.Value(root, key) is { } blank)
        {
            reader.Error(blank, key, "is required: write some text");
        }

        return text;
    }

    private T? Required<T>(YamlMapping root, string key)
        where T : struct, Enum =>
        reader.Require(root, key, string.Empty) ? reader.Enum<T>(root, key, string.Empty) : null;

    private PolicySelector Selector(YamlMapping map)
    {
        const string path = "appliesTo";
        reader.CheckKeys(map, path, _selectorKeys);
        return new PolicySelector
        {
            Tiers = Tiers(map, path),
            Lifecycles = Texts(map, "lifecycles", path, allowed: null),
            Teams = Texts(map, "teams", path, allowed: null),
            Tags = Texts(map, "tags", path, allowed: null),
            Kinds = Texts(map, "kinds", path, _kinds),
        };
    }

    private List<int>? Tiers(YamlMapping map, string path)
    {
        if (NonEmptyList(map, "tiers", path) is not { } list)
        {
            return null;
        }

        var tiers = new List<int>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlScalar scalar && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var tier) && tier is >= 0 and <= 3)
            {
                tiers.Add(tier);
            }
            else
            {
                reader.Error(list.Items[i], $"{path}.tiers[{i}]", $"unknown tier {list.Items[i].Describe}; expected 0, 1, 2 or 3");
            }
        }

        return tiers;
    }

    private IReadOnlyList<string>? Texts(YamlMapping map, string key, string path, string[]? allowed)
    {
        if (NonEmptyList(map, key, path) is not { } list)
        {
            return null;
        }

        var values = reader.StringList(map, key, path);
        for (var i = 0; i < list.Items.Count && allowed is not null; i++)
        {
            if (list.Items[i] is YamlScalar scalar && !allowed.Contains(scalar.Value, StringComparer.OrdinalIgnoreCase))
            {
                reader.Error(scalar, $"{FieldReader.Join(path, key)}[{i}]", $"unknown value {scalar.Describe}; expected one of {string.Join(", ", allowed)}");
            }
        }

        return values;
    }

    /// <summary>A selector list; an empty one is refused, since it would select nothing (leave the key out to select all).</summary>
    private YamlSequence? NonEmptyList(YamlMapping map, string key, string path)
    {
        if (reader.Sequence(map, key, path) is not { } list)
        {
            return null;
        }

        if (list.Items.Count == 0)
        {
            reader.Error(list, FieldReader.Join(path, key), $"must not be empty; leave {key} out to apply to every service");
            return null;
        }

        return list;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
