using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Checks one policy's condition against the language's rules and compiles it, once, into delegates.</summary>
internal sealed class ConditionCompiler(string policyId)
{
    /// <summary>True once the condition reads a <c>target.*</c> fact, so the evaluation must resolve edge targets.</summary>
    public bool UsesTargets { get; private set; }

    public CompiledCondition Compile(Condition condition, FactCollection? scope) => condition switch
    {
        AllCondition all => Combine(Children(all.Conditions, scope), requireAll: true),
        AnyCondition any => Combine(Children(any.Conditions, scope), requireAll: false),
        NotCondition not => Negate(Compile(not.Condition, scope)),
        FactCondition fact => Comparison(fact, scope),
        PresenceCondition presence => Presence(presence, scope),
        QuantifierCondition quantifier => Quantified(quantifier, scope),
        CountCondition count => Counted(count, scope),
        _ => throw Invalid($"unsupported condition {condition.GetType().Name}"),
    };

    private CompiledCondition[] Children(IReadOnlyList<Condition> conditions, FactCollection? scope) =>
        [.. conditions.Select(condition => Compile(condition, scope))];

    private static CompiledCondition Combine(CompiledCondition[] children, bool requireAll)
    {
        var tests = children.Select(child => child.Test).ToArray();
        Func<FactContext, bool> test = requireAll
            ? c =>
            {
                for (var i = 0; i < tests.Length; i++)
                {
                    if (!tests[i](c))
                    {
                        return false;
                    }
                }

                return true;
            }
            : c =>
            {
                for (var i = 0; i < tests.Length; i++)
                {
                    if (tests[i](c))
                    {
                        return true;
                    }
                }

                return false;
            };
        return new CompiledCondition(test, (c, evidence) =>
        {
            var result = test(c);

            // What explains an outcome: all parts when it is unanimous, else the parts that decided it.
            foreach (var child in children)
            {
                if (child.Test(c) == result)
                {
                    child.Explain(c, evidence);
                }
            }

            return result;
        });
    }

    private static CompiledCondition Negate(CompiledCondition inner) =>
        new(c => !inner.Test(c), (c, evidence) => !inner.Explain(c, evidence));

    private CompiledCondition Comparison(FactCondition condition, FactCollection? scope)
    {
        var fact = Resolve(condition.Fact, scope);
        Check(ConditionRules.CheckComparison(fact, condition.Operator));
        CheckOperand(fact.Type, condition.Operator, condition.Value, scope);
        var test = ComparisonCompiler.Compile(fact, condition.Operator, condition.Value);
        return Explained(test, OperandCompiler.FactEvidence(fact.Name), OperandCompiler.Evidence(condition.Value));
    }

    private CompiledCondition Presence(PresenceCondition condition, FactCollection? scope)
    {
        var fact = Resolve(condition.Fact, scope);
        var accessor = FactCatalog.AccessorOf(fact.Name);
        var present = condition.Present;
        return Explained(c => accessor.IsKnown(c) == present, OperandCompiler.FactEvidence(fact.Name), null);
    }

    private CompiledCondition Quantified(QuantifierCondition condition, FactCollection? scope)
    {
        var where = CompileWhere(condition.Where, condition.Collection, scope)!;
        var collection = condition.Collection;
        var quantifier = condition.Quantifier;
        var empty = new Evidence($"count({FactCatalog.NameOf(collection)})", "0");
        Func<FactContext, bool> test = quantifier switch
        {
            Quantifier.Some => c => Items.Any(c, collection, where.Test, wanted: true),
            Quantifier.Every => c => !Items.Any(c, collection, where.Test, wanted: false),
            _ => c => !Items.Any(c, collection, where.Test, wanted: true),
        };
        return new CompiledCondition(test, (c, evidence) =>
        {
            var result = test(c);

            // The items that made it true (or false): the matching ones, except for none, where it is the others.
            var matched = Items.Explain(c, collection, where, evidence, keepMatched: quantifier == Quantifier.None ? !result : result);
            if (matched.Total == 0)
            {
                evidence.Add(empty);
            }

            return result;
        });
    }

    private CompiledCondition Counted(CountCondition condition, FactCollection? scope)
    {
        var where = CompileWhere(condition.Where, condition.Collection, scope);
        Check(Comparisons.Fits(condition.Operator, FactType.Number) ? null : $"{Comparisons.Keyword(condition.Operator)} does not fit a count; use {ConditionRules.Allowed(FactType.Number)}");
        CheckOperand(FactType.Number, condition.Operator, condition.Value, scope);
        var collection = condition.Collection;
        Func<FactContext, double?> count = where is null ? c => Items.Count(c, collection) : c => Items.Matching(c, collection, where.Test);
        var test = ComparisonCompiler.Values(count, condition.Operator, condition.Value);
        var label = $"count({FactCatalog.NameOf(collection)}{(where is null ? string.Empty : " matching")})";
        var operandEvidence = OperandCompiler.Evidence(condition.Value);
        return new CompiledCondition(test, (c, evidence) =>
        {
            var matches = where is null ? Items.Count(c, collection) : Items.Explain(c, collection, where, evidence, keepMatched: true).Matches;
            evidence.Add(new Evidence(label, FactValue.Format(FactType.Number, matches)));
            operandEvidence?.Invoke(c, evidence);
            return test(c);
        });
    }

    private CompiledCondition? CompileWhere(Condition? where, FactCollection collection, FactCollection? scope)
    {
        if (scope is not null)
        {
            throw Invalid($"a quantifier over {FactCatalog.NameOf(collection)} cannot be nested inside the where of another");
        }

        return where is null ? null : Compile(where, collection);
    }

    private static CompiledCondition Explained(Func<FactContext, bool> test, Action<FactContext, List<Evidence>> record, Action<FactContext, List<Evidence>>? operand) =>
        new(test, (c, evidence) =>
        {
            record(c, evidence);
            operand?.Invoke(c, evidence);
            return test(c);
        });

    private FactDescription Resolve(string name, FactCollection? scope)
    {
        Check(ConditionRules.CheckFact(name, scope, out var fact));
        UsesTargets |= fact!.Scope == FactScope.Target;
        return fact;
    }

    private void CheckOperand(FactType type, ComparisonOperator op, Operand operand, FactCollection? scope)
    {
        Check(ConditionRules.CheckOperand(type, op, operand, scope));
        if (operand is FactOperand reference)
        {
            Resolve(reference.Fact, scope);
        }
    }

    private void Check(string? problem)
    {
        if (problem is not null)
        {
            throw Invalid(problem);
        }
    }

    private InvalidPolicyException Invalid(string problem) => new(policyId, problem);
}
