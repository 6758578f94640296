using System.Runtime.InteropServices;
using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>
/// Service ids and provided APIs mapped to positions in a snapshot, with the per-service values the graph needs, so that
/// nothing after it reads strings. Safe for concurrent readers once built.
/// </summary>
internal sealed class ServiceIndex
{
    /// <summary>Stands for an unclassified service's tier.</summary>
    public const int NoTier = -1;

    private const string DeprecatedLifecycle = "deprecated";

    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<string, List<int>> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _productBits = new(StringComparer.Ordinal);
    private readonly bool[] _deprecated;

    public ServiceIndex(IReadOnlyList<ServiceState> services)
    {
        _byId = new Dictionary<string, int>(services.Count, StringComparer.Ordinal);
        _deprecated = new bool[services.Count];
        Tiers = new int[services.Count];
        var productOffsets = new int[services.Count + 1];
        var productBits = new List<int>(services.Count * 2);
        for (var i = 0; i < services.Count; i++)
        {
            var profile = services[i].Profile;
            if (!_byId.TryAdd(profile.Id, i))
            {
                throw new ArgumentException($"The snapshot holds service '{profile.Id}' twice.", nameof(services));
            }

            _deprecated[i] = string.Equals(profile.Lifecycle, DeprecatedLifecycle, StringComparison.OrdinalIgnoreCase);
            Tiers[i] = profile.Tier ?? NoTier;
            for (var api = 0; api < profile.ProvidesApis.Count; api++)
            {
                AddProvider(EntityRefs.ApiPrefix + profile.ProvidesApis[api], i);
            }

            for (var product = 0; product < profile.Products.Count; product++)
            {
                productBits.Add(ProductBit(profile.Products[product]));
            }

            productOffsets[i + 1] = productBits.Count;
        }

        Products = new Csr(productOffsets, [.. productBits]);
    }

    public int Count => Tiers.Length;

    /// <summary>Each service's tier, or <see cref="NoTier"/>.</summary>
    public int[] Tiers { get; }

    /// <summary>Each service's products, as bits 0 … <see cref="ProductCount"/> - 1, one per distinct product name in the fleet.</summary>
    public Csr Products { get; }

    public int ProductCount => _productBits.Count;

    public bool TryGet(string id, out int index) => _byId.TryGetValue(id, out index);

    public bool IsDeprecated(int index) => _deprecated[index];

    /// <summary>The services that provide <paramref name="apiReference"/> (<c>api:NAME</c>), in snapshot order.</summary>
    public ReadOnlySpan<int> Providers(string apiReference) =>
        _providers.TryGetValue(apiReference, out var providers) ? CollectionsMarshal.AsSpan(providers) : [];

    private int ProductBit(string product)
    {
        if (!_productBits.TryGetValue(product, out var bit))
        {
            bit = _productBits.Count;
            _productBits[product] = bit;
        }

        return bit;
    }

    private void AddProvider(string apiReference, int provider)
    {
        if (!_providers.TryGetValue(apiReference, out var providers))
        {
            providers = [];
            _providers[apiReference] = providers;
        }

        // A service listing one API twice still provides it once.
        if (providers.Count == 0 || providers[^1] != provider)
        {
            providers.Add(provider);
        }
    }
}
