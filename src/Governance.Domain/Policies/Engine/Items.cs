using System.Linq.Expressions;
using System.Reflection;
using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Walks the items of a collection of the service in the context, moving the context onto each in turn.</summary>
internal static class Items
{
    /// <summary>A call of <see cref="Any"/>: true when some item's <paramref name="where"/> is <paramref name="wanted"/>.</summary>
    public static Expression AnyCall(ParameterExpression context, FactCollection collection, Func<FactContext, bool> where, bool wanted) =>
        Expression.Call(Method(nameof(Any)), context, Expression.Constant(collection), Expression.Constant(where), Expression.Constant(wanted));

    /// <summary>The number of items (that satisfy <paramref name="where"/>, when given) as a <c>double?</c>.</summary>
    public static Expression CountCall(ParameterExpression context, FactCollection collection, Func<FactContext, bool>? where) => where is null
        ? Expression.Convert(Expression.Call(Method(nameof(Count)), context, Expression.Constant(collection)), typeof(double?))
        : Expression.Call(Method(nameof(Matching)), context, Expression.Constant(collection), Expression.Constant(where));

    public static int Count(FactContext c, FactCollection collection) =>
        collection == FactCollection.Dependencies ? c.Service.Dependencies.Count : c.Service.DataStores.Count;

    /// <summary>True when some item's <paramref name="where"/> is <paramref name="wanted"/>; stops at the first.</summary>
    public static bool Any(FactContext c, FactCollection collection, Func<FactContext, bool> where, bool wanted)
    {
        var count = Count(c, collection);
        for (var i = 0; i < count; i++)
        {
            MoveTo(c, collection, i);
            if (where(c) == wanted)
            {
                c.ClearItem();
                return true;
            }
        }

        c.ClearItem();
        return false;
    }

    /// <summary>How many items satisfy <paramref name="where"/>.</summary>
    public static double? Matching(FactContext c, FactCollection collection, Func<FactContext, bool> where)
    {
        var count = Count(c, collection);
        var matches = 0;
        for (var i = 0; i < count; i++)
        {
            MoveTo(c, collection, i);
            if (where(c))
            {
                matches++;
            }
        }

        c.ClearItem();
        return matches;
    }

    /// <summary>Records the evidence of the items whose <paramref name="where"/> is <paramref name="keepMatched"/>; how many matched, of how many.</summary>
    public static (int Matches, int Total) Explain(FactContext c, FactCollection collection, CompiledCondition where, List<Evidence> evidence, bool keepMatched)
    {
        var count = Count(c, collection);
        var matches = 0;
        for (var i = 0; i < count; i++)
        {
            MoveTo(c, collection, i);
            var matched = where.Test(c);
            matches += matched ? 1 : 0;
            if (matched == keepMatched)
            {
                where.Explain(c, evidence, matched);
            }
        }

        c.ClearItem();
        return (matches, count);
    }

    private static void MoveTo(FactContext c, FactCollection collection, int index)
    {
        if (collection == FactCollection.Dependencies)
        {
            c.AtEdge(index);
        }
        else
        {
            c.AtStore(index);
        }
    }

    private static MethodInfo Method(string name) => typeof(Items).GetMethod(name, BindingFlags.Static | BindingFlags.Public)!;
}
