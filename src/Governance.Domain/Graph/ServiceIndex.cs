using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>
/// Service ids and provided APIs mapped to positions in a snapshot, with the per-service values the graph needs, read in
/// one pass over the profiles so that nothing after it reads strings. Safe for concurrent readers once built.
/// </summary>
internal sealed class ServiceIndex
{
    /// <summary>Stands for an unclassified service's tier.</summary>
    public const int NoTier = -1;

    private const string DeprecatedLifecycle = "deprecated";

    private readonly Dictionary<string, int> _byId;
    private readonly NameNumbers _apis = new();
    private readonly NameNumbers _products = new();
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _apiByName;
    private readonly Csr _providers;
    private readonly bool[] _deprecated;

    public ServiceIndex(IReadOnlyList<ServiceState> services)
    {
        _byId = new Dictionary<string, int>(services.Count, StringComparer.Ordinal);
        _deprecated = new bool[services.Count];
        Tiers = new int[services.Count];
        var provided = new List<(int Api, int Provider)>();
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
                provided.Add((_apis.NumberOf(profile.ProvidesApis[api]), i));
            }

            for (var product = 0; product < profile.Products.Count; product++)
            {
                productBits.Add(_products.NumberOf(profile.Products[product]));
            }

            productOffsets[i + 1] = productBits.Count;
        }

        _apiByName = _apis.ByName;
        // A service listing an API twice is a provider twice: harmless, as edges to one callee merge.
        _providers = Csr.FromEdges(_apis.Count, [.. provided.Select(pair => pair.Api)], [.. provided.Select(pair => pair.Provider)]);
        Products = new Csr(productOffsets, [.. productBits]);
    }

    public int Count => Tiers.Length;

    /// <summary>Each service's tier, or <see cref="NoTier"/>.</summary>
    public int[] Tiers { get; }

    /// <summary>Each service's products, as bits 0 … <see cref="ProductCount"/> - 1, one per distinct product name in the fleet.</summary>
    public Csr Products { get; }

    public int ProductCount => _products.Count;

    public bool TryGet(string id, out int index) => _byId.TryGetValue(id, out index);

    public bool IsDeprecated(int index) => _deprecated[index];

    /// <summary>The services that provide the API <paramref name="apiReference"/> (<c>api:NAME</c>) names, in snapshot order.</summary>
    public ReadOnlySpan<int> Providers(string apiReference) =>
        _apiByName.TryGetValue(apiReference.AsSpan(EntityRefs.ApiPrefix.Length), out var api) ? _providers.Neighbours(api) : [];

    /// <summary>Numbers distinct names 0, 1, … in the order they first appear.</summary>
    private sealed class NameNumbers
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public int Count => _numbers.Count;

        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ByName => _numbers.GetAlternateLookup<ReadOnlySpan<char>>();

        public int NumberOf(string name)
        {
            if (!_numbers.TryGetValue(name, out var number))
            {
                number = _numbers.Count;
                _numbers[name] = number;
            }

            return number;
        }
    }
}
