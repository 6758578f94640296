using System.Linq.Expressions;
using System.Reflection;

namespace Governance.Domain.Policies;

/// <summary>
/// Reads one fact from the evaluation context. Conditions compile the accessor's expression into their own code, so reading a
/// fact in the fast path is a direct, inlinable call; evidence reads it through a delegate.
/// </summary>
internal abstract class FactAccessor
{
    /// <summary>True when the fact has a value for the context in <paramref name="context"/>.</summary>
    public abstract Expression Known(ParameterExpression context);

    /// <summary>The value as evidence shows it; null when unknown.</summary>
    public abstract string? Format(FactContext context, FactType type);

    /// <summary>A call of <paramref name="read"/>'s method itself, not through the delegate, so that the JIT can inline it.</summary>
    protected static Expression Call(Delegate read, ParameterExpression context) => read.Target is null
        ? Expression.Call(read.Method, context)
        : Expression.Call(Expression.Constant(read.Target), read.Method, context);
}

/// <summary>A number, bool, unit of failure or date, held as a number (see <see cref="FactValue"/>).</summary>
internal sealed class ValueAccessor : FactAccessor
{
    private readonly Delegate _read;
    private readonly MethodInfo _toNumber;
    private readonly Lazy<Func<FactContext, double?>> _compiled;

    /// <summary><paramref name="read"/> is a <c>Func&lt;FactContext, T?&gt;</c>; <paramref name="toNumber"/> a static <c>T? → double?</c>.</summary>
    public ValueAccessor(Delegate read, MethodInfo toNumber)
    {
        _read = read;
        _toNumber = toNumber;
        _compiled = new(() =>
        {
            var context = Expression.Parameter(typeof(FactContext), "c");
            return Expression.Lambda<Func<FactContext, double?>>(Read(context), context).Compile();
        });
    }

    /// <summary>The value as a <c>double?</c>.</summary>
    public Expression Read(ParameterExpression context) => Expression.Call(_toNumber, Call(_read, context));

    public override Expression Known(ParameterExpression context) => Expression.Property(Read(context), nameof(Nullable<double>.HasValue));

    public override string? Format(FactContext context, FactType type) => _compiled.Value(context) is { } value ? FactValue.Format(type, value) : null;
}

/// <summary>A text fact; empty text counts as unknown.</summary>
internal sealed class TextAccessor(Func<FactContext, string?> read) : FactAccessor
{
    public Expression Read(ParameterExpression context) => Call(read, context);

    public override Expression Known(ParameterExpression context) =>
        Expression.Not(Expression.Call(typeof(string), nameof(string.IsNullOrEmpty), null, Read(context)));

    public override string? Format(FactContext context, FactType type) => read(context) is { Length: > 0 } text ? text : null;
}

/// <summary>A list of text read item by item, so that enumeration lists need no conversion per evaluation.</summary>
internal sealed class ListAccessor(Func<FactContext, int> count, Func<FactContext, int, string> item) : FactAccessor
{
    public override Expression Known(ParameterExpression context) => Expression.Call(Expression.Constant(this), nameof(IsKnown), null, context);

    /// <summary>True when the list holds the text <paramref name="value"/> evaluates to (without regard to case); false when that is unknown.</summary>
    public Expression Contains(ParameterExpression context, Expression value) =>
        Expression.Call(Expression.Constant(this), nameof(Holds), null, context, value);

    public bool IsKnown(FactContext context) => count(context) > 0;

    public bool Holds(FactContext context, string? value)
    {
        if (value is null)
        {
            return false;
        }

        var n = count(context);
        for (var i = 0; i < n; i++)
        {
            if (string.Equals(item(context, i), value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public override string? Format(FactContext context, FactType type)
    {
        var n = count(context);
        return n == 0 ? null : $"[{string.Join(", ", Enumerable.Range(0, n).Select(i => item(context, i)))}]";
    }
}

/// <summary>A fact's description and how to read it: the catalog's single source for both.</summary>
internal sealed record FactDefinition(FactDescription Description, FactAccessor Accessor);
