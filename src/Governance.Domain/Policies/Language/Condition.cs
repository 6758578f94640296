namespace Governance.Domain.Policies;

/// <summary>A node of a policy's condition: what must hold of a service (or of an item of one of its collections).</summary>
public abstract record Condition;

/// <summary>Every condition holds; an empty list holds.</summary>
public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>At least one condition holds; an empty list does not.</summary>
public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>The condition does not hold.</summary>
public sealed record NotCondition(Condition Condition) : Condition;

/// <summary>A fact compared with a value; false when either side is unknown.</summary>
public sealed record FactCondition(string Fact, ComparisonOperator Operator, Operand Value) : Condition;

/// <summary>A fact is known (<see cref="Present"/>) or unknown; an empty list counts as unknown.</summary>
public sealed record PresenceCondition(string Fact, bool Present) : Condition;

/// <summary>Some, every or no item of a collection satisfies <see cref="Where"/>.</summary>
public sealed record QuantifierCondition(Quantifier Quantifier, FactCollection Collection, Condition Where) : Condition;

/// <summary>The number of items of a collection (that satisfy <see cref="Where"/>, when given) compared with a value.</summary>
public sealed record CountCondition(FactCollection Collection, Condition? Where, ComparisonOperator Operator, Operand Value) : Condition;

/// <summary>How many items of a collection a quantifier asks for.</summary>
public enum Quantifier
{
    Some,
    Every,
    None,
}

/// <summary>The collections a condition can range over.</summary>
public enum FactCollection
{
    /// <summary>The service's own outgoing edges.</summary>
    Dependencies,

    /// <summary>The service's data stores.</summary>
    DataStores,
}
