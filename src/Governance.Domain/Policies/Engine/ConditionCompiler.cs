using System.Linq.Expressions;
using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Checks one policy's condition against the language's rules and compiles it, once, into expressions and delegates.</summary>
internal sealed class ConditionCompiler(string policyId)
{
    private readonly ParameterExpression _context = Expression.Parameter(typeof(FactContext), "c");

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

    private CompiledCondition Combine(CompiledCondition[] children, bool requireAll)
    {
        var body = children.Length == 0
            ? Expression.Constant(requireAll)
            : children.Select(child => child.Body).Aggregate((left, right) => requireAll ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
        return new CompiledCondition(body, _context, (c, evidence, outcome) =>
        {
            // What explains an outcome: all parts when it is unanimous, else the parts that decided it.
            var unanimous = outcome == requireAll;
            foreach (var child in children)
            {
                if (unanimous || child.Test(c) == outcome)
                {
                    child.Explain(c, evidence, outcome);
                }
            }
        });
    }

    private CompiledCondition Negate(CompiledCondition inner) =>
        new(Expression.Not(inner.Body), _context, (c, evidence, outcome) => inner.Explain(c, evidence, !outcome));

    private CompiledCondition Comparison(FactCondition condition, FactCollection? scope)
    {
        var fact = Resolve(condition.Fact, scope);
        Check(ConditionRules.CheckComparison(fact, condition.Operator));
        CheckOperand(fact.Type, condition.Operator, condition.Value, scope);
        var body = ComparisonCompiler.Compile(fact, condition.Operator, condition.Value, _context);
        return Explained(body, OperandCompiler.FactEvidence(fact.Name), OperandCompiler.Evidence(condition.Value));
    }

    private CompiledCondition Presence(PresenceCondition condition, FactCollection? scope)
    {
        var fact = Resolve(condition.Fact, scope);
        var known = FactCatalog.AccessorOf(fact.Name).Known(_context);
        return Explained(condition.Present ? known : Expression.Not(known), OperandCompiler.FactEvidence(fact.Name), null);
    }

    private CompiledCondition Quantified(QuantifierCondition condition, FactCollection? scope)
    {
        var where = CompileWhere(condition.Where, condition.Collection, scope)!;
        var collection = condition.Collection;
        var quantifier = condition.Quantifier;
        var any = Items.AnyCall(_context, collection, where.Test, wanted: quantifier != Quantifier.Every);
        var empty = new Evidence($"count({FactCatalog.NameOf(collection)})", "0");
        return new CompiledCondition(quantifier == Quantifier.Some ? any : Expression.Not(any), _context, (c, evidence, outcome) =>
        {
            // The items that made it true (or false): the matching ones, except for none, where it is the others.
            if (Items.Explain(c, collection, where, evidence, keepMatched: quantifier == Quantifier.None ? !outcome : outcome).Total == 0)
            {
                evidence.Add(empty);
            }
        });
    }

    private CompiledCondition Counted(CountCondition condition, FactCollection? scope)
    {
        var where = CompileWhere(condition.Where, condition.Collection, scope);
        Check(ConditionRules.CheckCount(condition.Operator));
        CheckOperand(FactType.Number, condition.Operator, condition.Value, scope);
        var collection = condition.Collection;
        var count = Items.CountCall(_context, collection, where?.Test);
        var label = $"count({FactCatalog.NameOf(collection)}{(where is null ? string.Empty : " matching")})";
        var operandEvidence = OperandCompiler.Evidence(condition.Value);
        return new CompiledCondition(ComparisonCompiler.Values(count, condition.Operator, condition.Value, _context), _context, (c, evidence, _) =>
        {
            var matches = where is null ? Items.Count(c, collection) : Items.Explain(c, collection, where, evidence, keepMatched: true).Matches;
            evidence.Add(new Evidence(label, FactValue.Format(FactType.Number, matches)));
            operandEvidence?.Invoke(c, evidence);
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

    private CompiledCondition Explained(Expression body, Action<FactContext, List<Evidence>> record, Action<FactContext, List<Evidence>>? operand) =>
        new(body, _context, (c, evidence, _) =>
        {
            record(c, evidence);
            operand?.Invoke(c, evidence);
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
