using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Compiles the right-hand side of a comparison into a reader of its value, and a recorder of the facts it read.</summary>
internal static class OperandCompiler
{
    /// <summary>A value operand (number, bool, unit, date, duration) as a number; null when unknown.</summary>
    public static Func<FactContext, double?> Value(Operand operand) => operand switch
    {
        LiteralOperand literal => Constant(literal.Value.Number),
        ByTierOperand byTier => ByTier(Table(byTier, value => (double?)value.Number), byTier.Default?.Number),
        TierTargetOperand target => target.Field switch
        {
            TierTargetField.MustSurvive => c => c.TierTarget is { } t ? (int)t.MustSurvive : null,
            TierTargetField.RtoMinutes => c => c.TierTarget?.RtoMinutes,
            _ => c => c.TierTarget?.RpoMinutes,
        },
        FactOperand reference => ((ValueAccessor)FactCatalog.AccessorOf(reference.Fact)).Read,
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "not a single value"),
    };

    /// <summary>A text operand; null when unknown.</summary>
    public static Func<FactContext, string?> Text(Operand operand) => operand switch
    {
        LiteralOperand literal => _ => literal.Value.Text,
        ByTierOperand byTier => ByTier(Table(byTier, value => value.Text), byTier.Default?.Text),
        FactOperand reference => ((TextAccessor)FactCatalog.AccessorOf(reference.Fact)).Read,
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "not a text value"),
    };

    /// <summary>Records the facts an operand read (another fact, the tier target, the tier a byTier chose); null when it read none.</summary>
    public static Action<FactContext, List<Evidence>>? Evidence(Operand operand) => operand switch
    {
        FactOperand reference => FactEvidence(reference.Fact),
        TierTargetOperand target => FactEvidence($"tierTarget.{ConditionRules.Name(target.Field)}"),
        ByTierOperand => FactEvidence("tier"),
        _ => null,
    };

    /// <summary>Records the value of <paramref name="name"/>, naming the current item for a collection's fact.</summary>
    public static Action<FactContext, List<Evidence>> FactEvidence(string name)
    {
        var fact = FactCatalog.Find(name)!;
        var accessor = FactCatalog.AccessorOf(name);
        var perItem = fact.Collection is not null;
        return (c, evidence) => evidence.Add(new Evidence(fact.Name, accessor.Format(c, fact.Type) ?? fact.UnknownAs, perItem ? c.ItemName : null));
    }

    private static Func<FactContext, double?> Constant(double value) => _ => value;

    private static T[] Table<T>(ByTierOperand byTier, Func<FactValue, T> select)
    {
        var table = new T[4];
        foreach (var (tier, value) in byTier.Tiers)
        {
            table[tier] = select(value);
        }

        return table;
    }

    // A tier the table leaves out, and an unclassified service, take the default.
    private static Func<FactContext, double?> ByTier(double?[] table, double? fallback) =>
        c => c.Service.Profile.Tier is int tier && tier is >= 0 and <= 3 && table[tier] is { } value ? value : fallback;

    private static Func<FactContext, string?> ByTier(string?[] table, string? fallback) =>
        c => c.Service.Profile.Tier is int tier && tier is >= 0 and <= 3 && table[tier] is { } value ? value : fallback;
}
