namespace Governance.Domain.Policies;

/// <summary>
/// Compiles one comparison into a delegate specialised for its operator and operand, so that evaluating it is a read of the
/// fact and one arithmetic comparison: no names, no boxing, no interpretation of the tree.
/// </summary>
internal static class ComparisonCompiler
{
    private const double MinutesPerDay = 24 * 60;

    /// <summary>A comparison of <paramref name="fact"/>; false when either side is unknown.</summary>
    public static Func<FactContext, bool> Compile(FactDescription fact, ComparisonOperator op, Operand operand) => FactCatalog.AccessorOf(fact.Name) switch
    {
        ValueAccessor value => Values(value.Read, op, operand),
        TextAccessor text => Texts(text.Read, op, operand),
        ListAccessor list when operand is LiteralOperand { Value.Text: { } item } => c => list.Contains(c, item),
        _ => throw new InvalidOperationException($"no comparison {op} for fact '{fact.Name}'"),
    };

    /// <summary>A comparison of a value held as a number: numbers, bools, units of failure, dates (day numbers) and counts.</summary>
    public static Func<FactContext, bool> Values(Func<FactContext, double?> left, ComparisonOperator op, Operand operand)
    {
        if (operand is ListOperand list)
        {
            var set = list.Values.Select(value => value.Number).ToHashSet();
            return op == ComparisonOperator.In
                ? c => left(c) is { } v && set.Contains(v)
                : c => left(c) is { } v && !set.Contains(v);
        }

        if (op is ComparisonOperator.OlderThan or ComparisonOperator.Within)
        {
            return Age(left, op, OperandCompiler.Value(operand));
        }

        return operand is LiteralOperand literal ? Ordered(left, op, literal.Value.Number) : Ordered(left, op, OperandCompiler.Value(operand));
    }

    private static Func<FactContext, bool> Texts(Func<FactContext, string?> left, ComparisonOperator op, Operand operand)
    {
        if (operand is ListOperand list)
        {
            var set = list.Values.Select(value => value.Text!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return op == ComparisonOperator.In
                ? c => left(c) is { } v && set.Contains(v)
                : c => left(c) is { } v && !set.Contains(v);
        }

        var right = OperandCompiler.Text(operand);
        var equal = op == ComparisonOperator.Equal;
        return c => left(c) is { } v && right(c) is { } r && string.Equals(v, r, StringComparison.OrdinalIgnoreCase) == equal;
    }

    // A date's age is whole days from the audit's day, in minutes like the duration it is compared with.
    private static Func<FactContext, bool> Age(Func<FactContext, double?> date, ComparisonOperator op, Func<FactContext, double?> minutes) =>
        op == ComparisonOperator.OlderThan
            ? c => date(c) is { } day && minutes(c) is { } limit && (c.AuditDay - day) * MinutesPerDay > limit
            : c => date(c) is { } day && minutes(c) is { } limit && (c.AuditDay - day) * MinutesPerDay <= limit;

    private static Func<FactContext, bool> Ordered(Func<FactContext, double?> left, ComparisonOperator op, double k) => op switch
    {
        ComparisonOperator.Equal => c => left(c) is { } v && v == k,
        ComparisonOperator.NotEqual => c => left(c) is { } v && v != k,
        ComparisonOperator.LessThan => c => left(c) is { } v && v < k,
        ComparisonOperator.AtMost => c => left(c) is { } v && v <= k,
        ComparisonOperator.GreaterThan => c => left(c) is { } v && v > k,
        ComparisonOperator.AtLeast => c => left(c) is { } v && v >= k,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
    };

    private static Func<FactContext, bool> Ordered(Func<FactContext, double?> left, ComparisonOperator op, Func<FactContext, double?> right) => op switch
    {
        ComparisonOperator.Equal => c => left(c) is { } v && right(c) is { } r && v == r,
        ComparisonOperator.NotEqual => c => left(c) is { } v && right(c) is { } r && v != r,
        ComparisonOperator.LessThan => c => left(c) is { } v && right(c) is { } r && v < r,
        ComparisonOperator.AtMost => c => left(c) is { } v && right(c) is { } r && v <= r,
        ComparisonOperator.GreaterThan => c => left(c) is { } v && right(c) is { } r && v > r,
        ComparisonOperator.AtLeast => c => left(c) is { } v && right(c) is { } r && v >= r,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
    };
}
