namespace Governance.Domain.Policies;

/// <summary>The right-hand side of a comparison.</summary>
public abstract record Operand
{
    public static Operand Of(FactValue value) => new LiteralOperand(value);

    public static Operand Of(double number) => new LiteralOperand(FactValue.Of(number));

    public static Operand Of(bool value) => new LiteralOperand(FactValue.Of(value));

    public static Operand Of(string text) => new LiteralOperand(FactValue.Of(text));
}

/// <summary>A value written in the policy.</summary>
public sealed record LiteralOperand(FactValue Value) : Operand;

/// <summary>The values of <c>in</c> and <c>notIn</c>.</summary>
public sealed record ListOperand(IReadOnlyList<FactValue> Values) : Operand;

/// <summary>A value by the service's tier; <see cref="Default"/> for other tiers and for an unclassified service (none: unknown).</summary>
public sealed record ByTierOperand(IReadOnlyDictionary<int, FactValue> Tiers, FactValue? Default) : Operand;

/// <summary>A field of the service's tier target.</summary>
public sealed record TierTargetOperand(TierTargetField Field) : Operand;

/// <summary>Another fact of the same scope, such as an edge's timeout against the service's smallest inbound timeout.</summary>
public sealed record FactOperand(string Fact) : Operand;

/// <summary>The fields of a tier target a comparison can refer to.</summary>
public enum TierTargetField
{
    MustSurvive,
    RtoMinutes,
    RpoMinutes,
}
