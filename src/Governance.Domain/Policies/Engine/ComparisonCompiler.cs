using System.Linq.Expressions;
using System.Reflection;

namespace Governance.Domain.Policies;

/// <summary>
/// Compiles one comparison into an expression specialised for its operator and operand: a read of the fact and one arithmetic
/// comparison, with no names, no boxing and no interpretation of the tree left for evaluation time.
/// </summary>
internal static class ComparisonCompiler
{
    private const double MinutesPerDay = 24 * 60;

    /// <summary>A comparison of <paramref name="fact"/>; false when either side is unknown.</summary>
    public static Expression Compile(FactDescription fact, ComparisonOperator op, Operand operand, ParameterExpression context) => FactCatalog.AccessorOf(fact.Name) switch
    {
        ValueAccessor value => Values(value.Read(context), op, operand, context),
        TextAccessor text => Texts(text.Read(context), op, operand, context),
        ListAccessor list => list.Contains(context, OperandCompiler.Text(operand, context)),
        _ => throw new InvalidOperationException($"no comparison {op} for fact '{fact.Name}'"),
    };

    /// <summary>A comparison of a <c>double?</c>: numbers, bools, units of failure, dates (day numbers) and counts.</summary>
    public static Expression Values(Expression left, ComparisonOperator op, Operand operand, ParameterExpression context)
    {
        var v = Expression.Variable(typeof(double?), "v");
        var value = Expression.Property(v, nameof(Nullable<double>.Value));
        if (operand is ListOperand list)
        {
            var set = list.Values.Select(item => item.Number).ToHashSet();
            Expression contains = Expression.Call(Expression.Constant(set), nameof(HashSet<double>.Contains), null, value);
            return Known(v, left, op == ComparisonOperator.In ? contains : Expression.Not(contains));
        }

        if (op is ComparisonOperator.OlderThan or ComparisonOperator.Within)
        {
            // A date's age is whole days from the audit's day, in minutes like the duration it is compared with.
            var auditDay = Expression.Convert(Expression.Property(context, nameof(FactContext.AuditDay)), typeof(double));
            var age = Expression.Multiply(Expression.Subtract(auditDay, value), Expression.Constant(MinutesPerDay));
            return Against(v, left, OperandCompiler.Value(operand, context), limit => op == ComparisonOperator.OlderThan ? Expression.GreaterThan(age, limit) : Expression.LessThanOrEqual(age, limit));
        }

        if (operand is LiteralOperand literal)
        {
            return Known(v, left, Ordered(op, value, Expression.Constant(literal.Value.Number)));
        }

        return Against(v, left, OperandCompiler.Value(operand, context), right => Ordered(op, value, right));
    }

    private static Expression Texts(Expression left, ComparisonOperator op, Operand operand, ParameterExpression context)
    {
        if (operand is ListOperand list)
        {
            var set = list.Values.Select(item => item.Text!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Expression.Call(Method(nameof(InSet)), Expression.Constant(set), left, Expression.Constant(op == ComparisonOperator.In));
        }

        return Expression.Call(Method(nameof(TextEquals)), left, OperandCompiler.Text(operand, context), Expression.Constant(op == ComparisonOperator.Equal));
    }

    /// <summary><c>v = left; v.HasValue &amp;&amp; test</c>.</summary>
    private static BlockExpression Known(ParameterExpression v, Expression left, Expression test) =>
        Expression.Block([v], Expression.Assign(v, left), Expression.AndAlso(Expression.Property(v, nameof(Nullable<double>.HasValue)), test));

    /// <summary><c>v = left; r = right; v.HasValue &amp;&amp; r.HasValue &amp;&amp; test(r.Value)</c>.</summary>
    private static BlockExpression Against(ParameterExpression v, Expression left, Expression right, Func<Expression, Expression> test)
    {
        var r = Expression.Variable(typeof(double?), "r");
        var known = Expression.AndAlso(Expression.Property(v, nameof(Nullable<double>.HasValue)), Expression.Property(r, nameof(Nullable<double>.HasValue)));
        return Expression.Block([v, r], Expression.Assign(v, left), Expression.Assign(r, right), Expression.AndAlso(known, test(Expression.Property(r, nameof(Nullable<double>.Value)))));
    }

    private static BinaryExpression Ordered(ComparisonOperator op, Expression left, Expression right) => op switch
    {
        ComparisonOperator.Equal => Expression.Equal(left, right),
        ComparisonOperator.NotEqual => Expression.NotEqual(left, right),
        ComparisonOperator.LessThan => Expression.LessThan(left, right),
        ComparisonOperator.AtMost => Expression.LessThanOrEqual(left, right),
        ComparisonOperator.GreaterThan => Expression.GreaterThan(left, right),
        ComparisonOperator.AtLeast => Expression.GreaterThanOrEqual(left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
    };

    // Text compares without regard to case; an unknown side (null or empty text) makes any comparison false.
    internal static bool TextEquals(string? left, string? right, bool equal) =>
        !string.IsNullOrEmpty(left) && !string.IsNullOrEmpty(right) && string.Equals(left, right, StringComparison.OrdinalIgnoreCase) == equal;

    internal static bool InSet(HashSet<string> set, string? value, bool inside) => !string.IsNullOrEmpty(value) && set.Contains(value) == inside;

    private static MethodInfo Method(string name) => typeof(ComparisonCompiler).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;
}
