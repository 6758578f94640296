using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads a condition tree, checking each node's form, facts and comparisons and reporting problems where they are written.</summary>
internal sealed class ConditionReader(FieldReader reader)
{
    private static readonly string[] _forms = ["all", "any", "not", "fact", "present", "absent", "some", "every", "none", "count"];
    private static readonly string _formListing = string.Join(", ", _forms);
    private static readonly KeySet _factKeys = new(["fact", .. Comparisons.Keywords]);
    private static readonly KeySet _countKeys = new(["count", "where", .. Comparisons.Keywords]);

    private readonly OperandReader _operands = new(reader);

    // The reader recurses once per nested condition: bounded in depth, and in count so that aliases cannot multiply the work.
    private int _depth;
    private int _read;
    private bool _overLimit;

    /// <summary>The condition at <paramref name="node"/>; null when it has errors. <paramref name="scope"/> is the collection of an enclosing where.</summary>
    public Condition? Read(YamlNode node, string path, FactCollection? scope)
    {
        if (_overLimit)
        {
            return null;
        }

        if (++_read > InputLimits.MaxConditionsPerPolicy || _depth >= InputLimits.MaxConditionDepth)
        {
            _overLimit = true;
            reader.Error(node, path, _depth >= InputLimits.MaxConditionDepth
                ? $"conditions nested more than {InputLimits.MaxConditionDepth} deep (the limit): split the policy, or flatten all and any"
                : $"more than {InputLimits.Count(InputLimits.MaxConditionsPerPolicy)} conditions in one policy (the limit), counting each use of an alias");
            return null;
        }

        _depth++;
        try
        {
            return ReadForm(node, path, scope);
        }
        finally
        {
            _depth--;
        }
    }

    private Condition? ReadForm(YamlNode node, string path, FactCollection? scope)
    {
        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"a condition must be a mapping with one of {_formListing}; was {node.Describe}");
            return null;
        }

        var forms = map.Entries.Select(entry => entry.Key).Where(key => _forms.Contains(key.Value)).DistinctBy(key => key.Value).ToList();
        if (forms.Count != 1)
        {
            var problem = forms.Count == 0
                ? $"a condition needs one of {_formListing}; found none"
                : $"a condition has exactly one form, but '{forms[0].Value}' and '{forms[1].Value}' are both given";
            reader.Error(forms.Count == 0 ? map : forms[1], path, problem);
            return null;
        }

        var form = forms[0].Value;
        return form switch
        {
            "all" or "any" => Combined(map, form, path, scope),
            "not" => Only(map, form, path) && Read(map.Get(form)!, FieldReader.Join(path, form), scope) is { } inner ? new NotCondition(inner) : null,
            "present" or "absent" => Presence(map, form, path, scope),
            "fact" => Comparison(map, path, scope),
            "count" => Count(map, path, scope),
            _ => Quantified(map, form, path, scope),
        };
    }

    private Condition? Combined(YamlMapping map, string form, string path, FactCollection? scope)
    {
        if (!Only(map, form, path))
        {
            return null;
        }

        if (FieldReader.Value(map, form) is not YamlSequence list)
        {
            Report(map, form, path, "a list of conditions");
            return null;
        }

        var children = new List<Condition>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (Read(list.Items[i], $"{FieldReader.Join(path, form)}[{i}]", scope) is { } child)
            {
                children.Add(child);
            }
        }

        if (children.Count != list.Items.Count)
        {
            return null;
        }

        return form == "all" ? new AllCondition(children) : new AnyCondition(children);
    }

    private PresenceCondition? Presence(YamlMapping map, string form, string path, FactCollection? scope) =>
        Only(map, form, path) && Fact(map, form, path, scope) is { } fact ? new PresenceCondition(fact.Name, form == "present") : null;

    private FactCondition? Comparison(YamlMapping map, string path, FactCollection? scope)
    {
        reader.CheckKeys(map, path, _factKeys);
        var fact = Fact(map, "fact", path, scope);
        if (ComparisonOf(map, path) is not { } comparison || fact is null)
        {
            return null;
        }

        var (op, key, value) = comparison;
        if (ConditionRules.CheckComparison(fact, op) is { } problem)
        {
            reader.Error(key, FieldReader.Join(path, key.Value), problem);
            return null;
        }

        return _operands.Read(value, FieldReader.Join(path, key.Value), fact.Type, op, scope) is { } operand ? new FactCondition(fact.Name, op, operand) : null;
    }

    private CountCondition? Count(YamlMapping map, string path, FactCollection? scope)
    {
        reader.CheckKeys(map, path, _countKeys);
        var collection = Collection(map, "count", path, scope);
        var where = FieldReader.Value(map, "where") is { } whereNode && collection is not null ? Read(whereNode, FieldReader.Join(path, "where"), collection) : null;
        if (ComparisonOf(map, path) is not { } comparison || collection is null || (where is null && FieldReader.Value(map, "where") is not null))
        {
            return null;
        }

        var (op, key, value) = comparison;
        if (ConditionRules.CheckCount(op) is { } problem)
        {
            reader.Error(key, FieldReader.Join(path, key.Value), problem);
            return null;
        }

        return _operands.Read(value, FieldReader.Join(path, key.Value), FactType.Number, op, scope) is { } operand
            ? new CountCondition(collection.Value, where, op, operand)
            : null;
    }

    private QuantifierCondition? Quantified(YamlMapping map, string form, string path, FactCollection? scope)
    {
        reader.CheckKeys(map, path, new KeySet(form, "where"));
        var collection = Collection(map, form, path, scope);
        if (!reader.Require(map, "where", path) || collection is null)
        {
            return null;
        }

        var quantifier = form switch
        {
            "some" => Quantifier.Some,
            "every" => Quantifier.Every,
            _ => Quantifier.None,
        };
        return Read(map.Get("where")!, FieldReader.Join(path, "where"), collection) is { } where ? new QuantifierCondition(quantifier, collection.Value, where) : null;
    }

    /// <summary>The collection a quantifier or count ranges over; quantifiers do not nest, since an item has no items.</summary>
    private FactCollection? Collection(YamlMapping map, string form, string path, FactCollection? scope)
    {
        var field = FieldReader.Join(path, form);
        if (scope is not null)
        {
            reader.Error(map.GetKey(form)!, field, $"{form} cannot be used inside the where of {FactCatalog.NameOf(scope.Value)}: quantifiers do not nest");
            return null;
        }

        if (Name(map, form, path) is not { } name)
        {
            return null;
        }

        if (FactCatalog.TryParseCollection(name.Value, out var collection))
        {
            return collection;
        }

        reader.Error(name, field, $"unknown collection '{name.Value}'; expected {string.Join(" or ", FactCatalog.CollectionNames)}");
        return null;
    }

    private FactDescription? Fact(YamlMapping map, string key, string path, FactCollection? scope)
    {
        if (Name(map, key, path) is not { } name)
        {
            return null;
        }

        if (ConditionRules.CheckFact(name.Value, scope, out var fact) is { } problem)
        {
            reader.Error(name, FieldReader.Join(path, key), problem);
            return null;
        }

        return fact;
    }

    /// <summary>The one comparison of a fact or count: its operator, key and value.</summary>
    private (ComparisonOperator Op, YamlScalar Key, YamlNode Value)? ComparisonOf(YamlMapping map, string path)
    {
        var found = map.Entries.Where(entry => Comparisons.TryParse(entry.Key.Value, out _)).DistinctBy(entry => entry.Key.Value).ToList();
        if (found.Count == 1)
        {
            Comparisons.TryParse(found[0].Key.Value, out var op);
            return (op, found[0].Key, found[0].Value);
        }

        var problem = found.Count == 0
            ? $"needs one comparison: {string.Join(", ", Comparisons.Keywords)}"
            : $"has exactly one comparison, but '{found[0].Key.Value}' and '{found[1].Key.Value}' are both given";
        reader.Error(found.Count == 0 ? map : found[1].Key, path, problem);
        return null;
    }

    private YamlScalar? Name(YamlMapping map, string key, string path)
    {
        if (FieldReader.Value(map, key) is YamlScalar scalar)
        {
            return scalar;
        }

        Report(map, key, path, "a name");
        return null;
    }

    /// <summary>Reports a form whose value is missing or of the wrong shape.</summary>
    private void Report(YamlMapping map, string key, string path, string expected)
    {
        var node = FieldReader.Value(map, key);
        reader.Error(node ?? map.GetKey(key)!, FieldReader.Join(path, key), $"must be {expected}, was {node?.Describe ?? "null"}");
    }

    /// <summary>Reports any key besides <paramref name="form"/>; true when there is none.</summary>
    private bool Only(YamlMapping map, string form, string path)
    {
        var before = reader.Errors.Count;
        reader.CheckKeys(map, path, new KeySet(form));
        return reader.Errors.Count == before;
    }
}
