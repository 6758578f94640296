using System.Buffers;
using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>A service that shares risk traits with a given one (or with an incident's contributing traits), and how much.</summary>
public sealed record SimilarService(string ServiceId, double Score, IReadOnlyList<string> SharedTraits);

/// <summary>
/// An inverted index trait → services over one audit result, built once, for "services with similar risk characteristics".
/// A trait weighs its severity times its rarity (IDF: ln(1 + audited / having)); a candidate's score is the weight of the
/// traits it shares over the weight of all the traits asked about, so 1 means it shares every one. Waived traits count:
/// a waiver accepts a risk, it does not remove it.
/// </summary>
public sealed class SimilarityIndex
{
    private readonly string[] _services;
    private readonly Dictionary<string, int> _serviceIndex;
    private readonly Dictionary<string, int> _traitIndex;
    private readonly string[] _traitIds;
    private readonly double[] _weights;
    private readonly int[][] _servicesWith;
    private readonly int[][] _traitsOf;

    private SimilarityIndex(string[] services, int[][] traitsOf, string[] traitIds, double[] weights, int[][] servicesWith)
    {
        _services = services;
        _traitsOf = traitsOf;
        _traitIds = traitIds;
        _weights = weights;
        _servicesWith = servicesWith;
        _serviceIndex = Indexes(services);
        _traitIndex = Indexes(traitIds);
    }

    /// <summary>Indexes every profile of <paramref name="result"/>.</summary>
    public static SimilarityIndex Build(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var traitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var severities = new List<Severity>();
        var postings = new List<List<int>>();
        var services = new string[result.Profiles.Count];
        var traitsOf = new int[result.Profiles.Count][];
        for (var s = 0; s < services.Length; s++)
        {
            var profile = result.Profiles[s];
            services[s] = profile.ServiceId;
            traitsOf[s] = new int[profile.Traits.Count];
            for (var t = 0; t < profile.Traits.Count; t++)
            {
                var trait = profile.Traits[t];
                if (!traitIndex.TryGetValue(trait.PolicyId, out var index))
                {
                    index = traitIndex[trait.PolicyId] = postings.Count;
                    postings.Add([]);
                    severities.Add(trait.Severity);
                }

                postings[index].Add(s);
                traitsOf[s][t] = index;
            }
        }

        var audited = Math.Max(result.ServicesAudited, services.Length);
        var weights = new double[postings.Count];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = SeverityWeights.Of(severities[t]) * Math.Log(1 + ((double)audited / postings[t].Count));
        }

        var traitIds = new string[postings.Count];
        foreach (var (id, index) in traitIndex)
        {
            traitIds[index] = id;
        }

        return new SimilarityIndex(services, traitsOf, traitIds, weights, [.. postings.Select(posting => posting.ToArray())]);
    }

    /// <summary>Whether <paramref name="serviceId"/> has a trait in the indexed result, so that services can be like it.</summary>
    public bool Covers(string serviceId) => _serviceIndex.ContainsKey(serviceId);

    /// <summary>The services most like <paramref name="serviceId"/> (itself excluded), best first, ties by id; empty when it has no traits.</summary>
    public IReadOnlyList<SimilarService> Rank(string serviceId, int limit) =>
        _serviceIndex.TryGetValue(serviceId, out var self) ? Ranked(_traitsOf[self], self, limit) : [];

    /// <summary>
    /// The services that share most of <paramref name="traitIds"/> (an incident's contributing traits), best first, ties by id.
    /// Traits no service has carry no weight.
    /// </summary>
    public IReadOnlyList<SimilarService> RankByTraits(IReadOnlyCollection<string> traitIds, int limit)
    {
        ArgumentNullException.ThrowIfNull(traitIds);
        var query = traitIds.Select(id => _traitIndex.TryGetValue(id, out var index) ? index : -1).Where(index => index >= 0).Distinct().ToArray();
        return Ranked(query, excluded: -1, limit);
    }

    private List<SimilarService> Ranked(int[] query, int excluded, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var queryWeight = query.Sum(trait => _weights[trait]);
        if (limit == 0 || query.Length == 0 || queryWeight <= 0)
        {
            return [];
        }

        // Pooled, so that a query allocates nothing in proportion to the fleet; Accumulate clears the scores before use.
        var scores = ArrayPool<double>.Shared.Rent(_services.Length);
        var touched = ArrayPool<int>.Shared.Rent(_services.Length);
        try
        {
            var count = Accumulate(query, excluded, scores, touched);
            return [.. Top(touched.AsSpan(0, count), scores, limit).Select(service => Describe(service, scores[service] / queryWeight, query))];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>Adds each query trait's weight to every other service that has it; the services touched, in <paramref name="touched"/>.</summary>
    private int Accumulate(int[] query, int excluded, double[] scores, int[] touched)
    {
        Array.Clear(scores, 0, _services.Length);
        var count = 0;
        foreach (var trait in query)
        {
            var weight = _weights[trait];
            foreach (var service in _servicesWith[trait])
            {
                if (service == excluded)
                {
                    continue;
                }

                if (scores[service] == 0)
                {
                    touched[count++] = service;
                }

                scores[service] += weight;
            }
        }

        return count;
    }

    /// <summary>The <paramref name="limit"/> best candidates by score, then id: a bounded heap that each candidate meets only at its worst.</summary>
    private List<int> Top(ReadOnlySpan<int> candidates, double[] scores, int limit)
    {
        var better = Comparer<int>.Create((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : string.CompareOrdinal(_services[a], _services[b]));
        var heap = new PriorityQueue<int, int>(limit + 1, Comparer<int>.Create((a, b) => better.Compare(b, a)));
        foreach (var candidate in candidates)
        {
            if (heap.Count < limit)
            {
                heap.Enqueue(candidate, candidate);
            }
            else if (better.Compare(candidate, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(candidate, candidate);
            }
        }

        var top = new List<int>(heap.Count);
        while (heap.TryDequeue(out var service, out _))
        {
            top.Add(service);
        }

        top.Sort(better);
        return top;
    }

    private SimilarService Describe(int service, double score, int[] query)
    {
        var shared = _traitsOf[service].Intersect(query)
            .OrderByDescending(trait => _weights[trait])
            .ThenBy(trait => _traitIds[trait], StringComparer.Ordinal)
            .Select(trait => _traitIds[trait]);
        return new SimilarService(_services[service], score, [.. shared]);
    }

    private static Dictionary<string, int> Indexes(string[] ids)
    {
        var indexes = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            indexes[ids[i]] = i;
        }

        return indexes;
    }
}
