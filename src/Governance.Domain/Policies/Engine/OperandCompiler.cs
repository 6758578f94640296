using System.Linq.Expressions;
using System.Reflection;
using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Compiles the right-hand side of a comparison into an expression of its value, and a recorder of the facts it read.</summary>
internal static class OperandCompiler
{
    /// <summary>A value operand (number, bool, unit, date, duration) as a <c>double?</c>; null when unknown.</summary>
    public static Expression Value(Operand operand, ParameterExpression context) => operand switch
    {
        LiteralOperand literal => Expression.Constant(literal.Value.Number, typeof(double?)),
        ByTierOperand byTier => Expression.Call(
            Method(nameof(NumberByTier)), Expression.Constant(Table(byTier, value => (double?)value.Number)), Expression.Constant(byTier.Default?.Number, typeof(double?)), context),
        TierTargetOperand target => Expression.Call(Method(nameof(TierTargetValue)), Expression.Constant(target.Field), context),
        FactOperand reference => ((ValueAccessor)FactCatalog.AccessorOf(reference.Fact)).Read(context),
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "not a single value"),
    };

    /// <summary>A text operand as a <c>string</c>; null when unknown.</summary>
    public static Expression Text(Operand operand, ParameterExpression context) => operand switch
    {
        LiteralOperand literal => Expression.Constant(literal.Value.Text, typeof(string)),
        ByTierOperand byTier => Expression.Call(
            Method(nameof(TextByTier)), Expression.Constant(Table(byTier, value => value.Text)), Expression.Constant(byTier.Default?.Text, typeof(string)), context),
        FactOperand reference => ((TextAccessor)FactCatalog.AccessorOf(reference.Fact)).Read(context),
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

    // A tier the table leaves out, and an unclassified service, take the default.
    internal static double? NumberByTier(double?[] table, double? fallback, FactContext context) =>
        context.Service.Profile.Tier is int tier && tier is >= 0 and <= 3 && table[tier] is { } value ? value : fallback;

    internal static string? TextByTier(string?[] table, string? fallback, FactContext context) =>
        context.Service.Profile.Tier is int tier && tier is >= 0 and <= 3 && table[tier] is { } value ? value : fallback;

    internal static double? TierTargetValue(TierTargetField field, FactContext context) => context.TierTarget is not { } target ? null : field switch
    {
        TierTargetField.MustSurvive => (int)target.MustSurvive,
        TierTargetField.RtoMinutes => target.RtoMinutes,
        _ => target.RpoMinutes,
    };

    private static T[] Table<T>(ByTierOperand byTier, Func<FactValue, T> select)
    {
        var table = new T[4];
        foreach (var (tier, value) in byTier.Tiers)
        {
            table[tier] = select(value);
        }

        return table;
    }

    private static MethodInfo Method(string name) => typeof(OperandCompiler).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;
}
