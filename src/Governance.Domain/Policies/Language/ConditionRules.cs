namespace Governance.Domain.Policies;

/// <summary>
/// The rules a condition must follow, each returning what is wrong in words (null when it is right): the policy loader
/// reports them at the place in the file, the engine refuses a policy built in code that breaks them.
/// </summary>
public static class ConditionRules
{
    /// <summary>Checks that <paramref name="name"/> is a fact usable in <paramref name="scope"/> (null: outside any collection).</summary>
    public static string? CheckFact(string name, FactCollection? scope, out FactDescription? fact)
    {
        fact = FactCatalog.Find(name);
        if (fact is null)
        {
            var close = FactCatalog.Suggest(name);
            return close.Count == 0
                ? $"unknown fact '{name}'; `governance facts` lists every fact"
                : $"unknown fact '{name}'; did you mean {string.Join(" or ", close)}?";
        }

        if (fact.Collection is { } collection && collection != scope)
        {
            var owner = FactCatalog.NameOf(collection);
            return scope is null
                ? $"fact '{name}' belongs to the {owner} collection: use it inside the where of some/every/none/count: {owner}"
                : $"fact '{name}' belongs to the {owner} collection, not to {FactCatalog.NameOf(scope.Value)}";
        }

        return null;
    }

    /// <summary>Checks that <paramref name="op"/> fits a fact of <paramref name="fact"/>'s type.</summary>
    public static string? CheckComparison(FactDescription fact, ComparisonOperator op) =>
        Comparisons.Fits(op, fact.Type)
            ? null
            : $"{Comparisons.Keyword(op)} does not fit {Comparisons.Describe(fact.Type)} fact '{fact.Name}'; use {Allowed(fact.Type)}";

    /// <summary>Checks that <paramref name="op"/> fits a count, which compares as a number.</summary>
    public static string? CheckCount(ComparisonOperator op) =>
        Comparisons.Fits(op, FactType.Number) ? null : $"{Comparisons.Keyword(op)} does not fit a count; use {Allowed(FactType.Number)}";

    /// <summary>Checks that <paramref name="operand"/> is a value <paramref name="op"/> takes on a fact of <paramref name="factType"/>.</summary>
    public static string? CheckOperand(FactType factType, ComparisonOperator op, Operand operand, FactCollection? scope)
    {
        var expected = Comparisons.OperandType(op, factType);
        var keyword = Comparisons.Keyword(op);
        return operand switch
        {
            ListOperand list when Comparisons.TakesList(op) => list.Values.Count == 0
                ? $"{keyword} needs at least one value"
                : list.Values.Where(value => value.Type != expected).Select(value => Mismatch(expected, value)).FirstOrDefault(),
            _ when Comparisons.TakesList(op) => $"{keyword} takes a list of {Comparisons.Describe(expected)} values",
            ListOperand => $"a list fits only in and notIn; {keyword} takes one {Comparisons.Describe(expected)} value",
            LiteralOperand literal => literal.Value.Type == expected ? null : Mismatch(expected, literal.Value),
            ByTierOperand byTier => CheckByTier(byTier, expected),
            TierTargetOperand target => TypeOf(target.Field) == expected
                ? null
                : $"tierTarget {Name(target.Field)} is a {Comparisons.Describe(TypeOf(target.Field))}; {keyword} here needs a {Comparisons.Describe(expected)}",
            FactOperand reference => CheckFactOperand(reference, expected, scope),
            _ => $"unsupported operand {operand}",
        };
    }

    /// <summary>The type of a tier target field.</summary>
    public static FactType TypeOf(TierTargetField field) => field == TierTargetField.MustSurvive ? FactType.Unit : FactType.Number;

    /// <summary>The name policies use for a tier target field.</summary>
    public static string Name(TierTargetField field) => field switch
    {
        TierTargetField.MustSurvive => "mustSurvive",
        TierTargetField.RtoMinutes => "rtoMinutes",
        _ => "rpoMinutes",
    };

    /// <summary>The comparisons allowed on a type, as a listing for messages.</summary>
    public static string Allowed(FactType type) => string.Join(", ", Comparisons.For(type).Select(Comparisons.Keyword));

    private static string? CheckByTier(ByTierOperand byTier, FactType expected)
    {
        if (byTier.Tiers.Count == 0 && byTier.Default is null)
        {
            return "byTier needs a value for at least one tier or a default";
        }

        if (byTier.Tiers.Keys.Where(tier => tier is < 0 or > 3).Select(tier => (int?)tier).FirstOrDefault() is { } outside)
        {
            return $"byTier has tier {outside}; tiers are 0–3";
        }

        return byTier.Tiers.Values.Append(byTier.Default).OfType<FactValue>().Where(value => value.Type != expected).Select(value => Mismatch(expected, value)).FirstOrDefault();
    }

    private static string? CheckFactOperand(FactOperand reference, FactType expected, FactCollection? scope)
    {
        if (CheckFact(reference.Fact, scope, out var fact) is { } problem)
        {
            return problem;
        }

        return fact!.Type == expected
            ? null
            : $"fact '{fact.Name}' is a {Comparisons.Describe(fact.Type)}; this comparison needs a {Comparisons.Describe(expected)}";
    }

    private static string Mismatch(FactType expected, FactValue value) =>
        $"expected a {Comparisons.Describe(expected)} value, was the {Comparisons.Describe(value.Type)} '{value}'";
}
