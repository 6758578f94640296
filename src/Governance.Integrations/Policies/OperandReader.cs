using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads the right-hand side of a comparison: a literal of the fact's type, a list, byTier, tierTarget or another fact.</summary>
internal sealed class OperandReader(FieldReader reader)
{
    private static readonly KeySet _referenceKeys = new("byTier", "tierTarget", "fact");
    private static readonly string[] _tierKeys = ["0", "1", "2", "3", "default"];
    private static readonly Dictionary<string, TierTargetField> _tierTargetFields = new(StringComparer.Ordinal)
    {
        ["mustSurvive"] = TierTargetField.MustSurvive,
        ["rtoMinutes"] = TierTargetField.RtoMinutes,
        ["rpoMinutes"] = TierTargetField.RpoMinutes,
    };

    private readonly LiteralReader _literals = new(reader);

    /// <summary>The operand of <paramref name="op"/> on a fact of <paramref name="factType"/>; null when it has errors.</summary>
    public Operand? Read(YamlNode node, string path, FactType factType, ComparisonOperator op, FactCollection? scope)
    {
        var expected = Comparisons.OperandType(op, factType);
        var keyword = Comparisons.Keyword(op);
        Operand? operand;
        var at = node;
        if (Comparisons.TakesList(op))
        {
            if (node is not YamlSequence list)
            {
                reader.Error(node, path, $"{keyword} takes a list of {Comparisons.Describe(expected)} values, like [a, b]; was {node.Describe}");
                return null;
            }

            operand = List(list, path, expected);
        }
        else if (node is YamlSequence)
        {
            reader.Error(node, path, $"a list fits only in and notIn; {keyword} takes one {Comparisons.Describe(expected)} value");
            return null;
        }
        else if (node is YamlMapping map)
        {
            (operand, at) = Reference(map, path, expected);
        }
        else
        {
            operand = _literals.Read((YamlScalar)node, path, expected) is { } value ? new LiteralOperand(value) : null;
        }

        if (operand is not null && ConditionRules.CheckOperand(factType, op, operand, scope) is { } problem)
        {
            reader.Error(at, path, problem);
            return null;
        }

        return operand;
    }

    private ListOperand? List(YamlSequence list, string path, FactType expected)
    {
        var values = new List<FactValue>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YamlScalar scalar && _literals.Read(scalar, $"{path}[{i}]", expected) is { } value)
            {
                values.Add(value);
            }
            else if (list.Items[i] is not YamlScalar)
            {
                reader.Error(list.Items[i], $"{path}[{i}]", $"must be a {Comparisons.Describe(expected)} value, was {list.Items[i].Describe}");
            }
        }

        return values.Count == list.Items.Count ? new ListOperand(values) : null;
    }

    /// <summary>A byTier, tierTarget or fact operand, and the node a problem with it is best reported at.</summary>
    private (Operand? Operand, YamlNode At) Reference(YamlMapping map, string path, FactType expected)
    {
        var before = reader.Errors.Count;
        reader.CheckKeys(map, path, _referenceKeys);
        if (reader.Errors.Count > before || map.Entries.Count != 1)
        {
            if (reader.Errors.Count == before)
            {
                reader.Error(map, path, "expected a value, or a mapping with exactly one of byTier, tierTarget or fact");
            }

            return (null, map);
        }

        var (key, value) = (map.Entries[0].Key.Value, map.Entries[0].Value);
        var field = FieldReader.Join(path, key);
        if (key == "byTier")
        {
            return (ByTier(value, field, expected), value);
        }

        if (value is not YamlScalar { IsNull: false } name)
        {
            reader.Error(value, field, $"must be a name, was {value.Describe}");
            return (null, value);
        }

        if (key == "fact")
        {
            return (new FactOperand(name.Value), name);
        }

        if (_tierTargetFields.TryGetValue(name.Value, out var target))
        {
            return (new TierTargetOperand(target), name);
        }

        reader.Error(name, field, $"unknown tier target field {name.Describe}; expected {string.Join(", ", _tierTargetFields.Keys)}");
        return (null, name);
    }

    private ByTierOperand? ByTier(YamlNode node, string path, FactType expected)
    {
        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"must be a mapping of tiers to values, like {{ 0: 60, default: 600 }}; was {node.Describe}");
            return null;
        }

        var before = reader.Errors.Count;
        reader.CheckKeys(map, path, allowed: null);
        var tiers = new Dictionary<int, FactValue>();
        FactValue? fallback = null;
        foreach (var (key, value) in map.Entries)
        {
            var field = FieldReader.Join(path, key.Value);
            if (!_tierKeys.Contains(key.Value))
            {
                reader.Error(key, field, $"unknown tier {key.Describe}; expected 0, 1, 2, 3 or default");
            }
            else if (value is not YamlScalar scalar)
            {
                reader.Error(value, field, $"must be a {Comparisons.Describe(expected)} value, was {value.Describe}");
            }
            else if (_literals.Read(scalar, field, expected) is { } literal)
            {
                if (key.Value == "default")
                {
                    fallback = literal;
                }
                else
                {
                    tiers[key.Value[0] - '0'] = literal;
                }
            }
        }

        return reader.Errors.Count == before ? new ByTierOperand(tiers, fallback) : null;
    }
}
