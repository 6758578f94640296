using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>Walks the items of a collection of the service in the context, moving the context onto each in turn.</summary>
internal static class Items
{
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

    /// <summary>Evaluates <paramref name="where"/> on every item, recording evidence; one part per item, with whether it matched.</summary>
    public static List<(int Start, bool Outcome)> Explain(FactContext c, FactCollection collection, Func<FactContext, List<Evidence>, bool> where, List<Evidence> evidence)
    {
        var count = Count(c, collection);
        var parts = new List<(int Start, bool Outcome)>(count);
        for (var i = 0; i < count; i++)
        {
            MoveTo(c, collection, i);
            var start = evidence.Count;
            parts.Add((start, where(c, evidence)));
        }

        c.ClearItem();
        return parts;
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
}
