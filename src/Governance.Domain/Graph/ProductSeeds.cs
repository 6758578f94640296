using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>The products of each component's members as seed bits, one bit per distinct product name in the fleet.</summary>
internal static class ProductSeeds
{
    /// <summary>Each component's distinct product bits, ascending; <paramref name="productCount"/> is how many bits there are.</summary>
    public static Csr Of(Condensation components, IReadOnlyList<ServiceState> services, out int productCount)
    {
        var bitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var holders = new List<int>();
        var bits = new List<int>();
        for (var node = 0; node < services.Count; node++)
        {
            foreach (var product in services[node].Profile.Products)
            {
                if (!bitOf.TryGetValue(product, out var bit))
                {
                    bit = bitOf.Count;
                    bitOf[product] = bit;
                }

                holders.Add(components.ComponentOf[node]);
                bits.Add(bit);
            }
        }

        productCount = bitOf.Count;
        return Distinct(Csr.FromEdges(components.ComponentCount, holders.ToArray(), bits.ToArray()));
    }

    /// <summary>Each node's neighbours sorted, duplicates dropped.</summary>
    private static Csr Distinct(Csr lists)
    {
        var offsets = new int[lists.NodeCount + 1];
        var values = new List<int>(lists.EdgeCount);
        for (var node = 0; node < lists.NodeCount; node++)
        {
            Array.Sort(lists.Targets, lists.Offsets[node], lists.Offsets[node + 1] - lists.Offsets[node]);
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
