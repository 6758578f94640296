namespace Governance.Domain.Graph;

/// <summary>The products of each component's members as seed bits for <see cref="ReachCounter"/>.</summary>
internal static class ProductSeeds
{
    /// <summary>Each component's distinct product bits, ascending, from each service's in <paramref name="index"/>.</summary>
    public static Csr Of(Condensation components, ServiceIndex index)
    {
        var products = index.Products;
        var holders = new int[products.EdgeCount];
        for (var service = 0; service < index.Count; service++)
        {
            holders.AsSpan(products.Offsets[service], products.Offsets[service + 1] - products.Offsets[service]).Fill(components.ComponentOf[service]);
        }

        return Distinct(Csr.FromEdges(components.ComponentCount, holders, products.Targets));
    }

    /// <summary>Each node's neighbours sorted, duplicates dropped.</summary>
    private static Csr Distinct(Csr lists)
    {
        var offsets = new int[lists.NodeCount + 1];
        var values = new List<int>(lists.EdgeCount);
        for (var node = 0; node < lists.NodeCount; node++)
        {
            var length = lists.Offsets[node + 1] - lists.Offsets[node];
            if (length > 1)
            {
                Array.Sort(lists.Targets, lists.Offsets[node], length);
            }

            foreach (var value in lists.Neighbours(node))
            {
                if (values.Count == offsets[node] || values[^1] != value)
                {
                    values.Add(value);
                }
            }

            offsets[node + 1] = values.Count;
        }

        return new Csr(offsets, [.. values]);
    }
}
