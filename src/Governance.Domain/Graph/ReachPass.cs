using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Governance.Domain.Graph;

/// <summary>
/// One thread's working state for <see cref="ReachCounter"/>, reused by every pass it runs. A pass marks the components that
/// can reach its bits, then visits only those, successors first, each mask being its own bits OR its successors' masks.
/// Masks sit in visiting order, so a pass that marks few components works within a few cache-sized blocks.
/// </summary>
internal sealed class ReachPass
{
    /// <summary>Seed bits followed per pass: 1024 bits, two cache lines per component.</summary>
    public const int Bits = Words * 64;

    private const int Words = 16;
    private const int Lanes = 4;

    // A weight is a positive int, so weight - 1 has at most 31 binary digits.
    private const int MaxPlanes = 31;

    private readonly ReachShape[] _shapes;
    private readonly int[][] _counts;
    private readonly ulong[] _masks;
    private readonly ulong[] _marked;
    private readonly int[] _stack;
    private readonly int[] _slotOf;
    private readonly ulong[] _planes = new ulong[MaxPlanes * Words];
    private ReachShape _shape;
    private int[] _problemCounts;
    private int _planeCount;

    /// <summary>State for the passes of all <paramref name="shapes"/>, sized for the largest.</summary>
    public ReachPass(IReadOnlyList<ReachShape> shapes)
    {
        var components = shapes.Max(shape => shape.Successors.NodeCount);
        _shapes = [.. shapes];
        _counts = [.. shapes.Select(shape => new int[shape.Successors.NodeCount])];
        _masks = new ulong[components * Words];
        _marked = new ulong[(components + 63) / 64];
        _stack = new int[components];
        _slotOf = new int[components];
        _shape = _shapes[0];
        _problemCounts = _counts[0];
    }

    /// <summary>
    /// Adds, to each component's count in problem <paramref name="problem"/>, the weight of the bits <paramref name="low"/> …
    /// <paramref name="high"/> - 1 it reaches.
    /// </summary>
    public void Run(int problem, int low, int high)
    {
        _shape = _shapes[problem];
        _problemCounts = _counts[problem];
        var words = (_shape.Successors.NodeCount + 63) / 64;
        Array.Clear(_marked, 0, words);
        SetPlanes(low, high);
        MarkReaching(low, high);
        var slot = 0;
        for (var word = 0; word < words; word++)
        {
            // Ascending component numbers: every successor is visited before the components that call it.
            var bits = _marked[word];
            while (bits != 0)
            {
                Visit((word << 6) + BitOperations.TrailingZeroCount(bits), slot++, low, high);
                bits &= bits - 1;
            }
        }
    }

    /// <summary>Adds this state's counts, problem by problem, to <paramref name="totals"/>.</summary>
    public void AddCountsTo(int[][] totals)
    {
        for (var problem = 0; problem < totals.Length; problem++)
        {
            for (var component = 0; component < totals[problem].Length; component++)
            {
                totals[problem][component] += _counts[problem][component];
            }
        }
    }

    /// <summary>
    /// Lays the pass's weights out as bit planes: plane k holds the bits whose weight - 1 has binary digit k, so a mask
    /// weighs its popcount plus the popcount of its AND with plane k, shifted by k, for each plane.
    /// </summary>
    private void SetPlanes(int low, int high)
    {
        Array.Clear(_planes, 0, _planeCount * Words);
        _planeCount = 0;
        if (_shape.Weights is not { } weights)
        {
            return;
        }

        for (var bit = low; bit < high; bit++)
        {
            var extra = (uint)(weights[bit] - 1);
            _planeCount = Math.Max(_planeCount, 32 - BitOperations.LeadingZeroCount(extra));
            for (var plane = 0; extra != 0; plane++, extra >>= 1)
            {
                if ((extra & 1) != 0)
                {
                    var offset = bit - low;
                    _planes[(plane * Words) + (offset >> 6)] |= 1UL << (offset & 63);
                }
            }
        }
    }

    /// <summary>Marks the holders of the pass's bits and every component with a path to one: the only masks not empty.</summary>
    private void MarkReaching(int low, int high)
    {
        var top = 0;
        for (var bit = low; bit < high; bit++)
        {
            foreach (var holder in _shape.Holders.Neighbours(bit))
            {
                top = Push(holder, top);
            }
        }

        while (top > 0)
        {
            foreach (var caller in _shape.Predecessors.Neighbours(_stack[--top]))
            {
                top = Push(caller, top);
            }
        }
    }

    private int Push(int component, int top)
    {
        ref var word = ref _marked[component >> 6];
        var bit = 1UL << (component & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            _stack[top++] = component;
        }

        return top;
    }

    private bool IsMarked(int component) => (_marked[component >> 6] & (1UL << (component & 63))) != 0;

    private void Visit(int component, int slot, int low, int high)
    {
        _slotOf[component] = slot;
        Gather(component, slot);
        var mask = _masks.AsSpan(slot * Words, Words);
        SetOwnBits(_shape.Seeds.Neighbours(component), low, high, mask);
        var count = 0;
        foreach (var word in mask)
        {
            count += BitOperations.PopCount(word);
        }

        for (var plane = 0; plane < _planeCount; plane++)
        {
            count += Overlap(mask, _planes.AsSpan(plane * Words, Words)) << plane;
        }

        _problemCounts[component] += count;
    }

    private static int Overlap(ReadOnlySpan<ulong> mask, ReadOnlySpan<ulong> plane)
    {
        var count = 0;
        for (var word = 0; word < Words; word++)
        {
            count += BitOperations.PopCount(mask[word] & plane[word]);
        }

        return count;
    }

    /// <summary>Sets the bits of <paramref name="own"/> (ascending) that fall in the pass: a large cycle may hold many products.</summary>
    private static void SetOwnBits(ReadOnlySpan<int> own, int low, int high, Span<ulong> mask)
    {
        if (own.IsEmpty || own[^1] < low || own[0] >= high)
        {
            return;
        }

        var first = own.BinarySearch(low);
        for (var i = first < 0 ? ~first : first; i < own.Length && own[i] < high; i++)
        {
            var offset = own[i] - low;
            mask[offset >> 6] |= 1UL << (offset & 63);
        }
    }

    // Unmarked successors cannot reach this pass's bits and their slots are stale: skipping them is required. Loads are
    // unchecked because every slot is below the component count the masks are sized for.
    private void Gather(int component, int slot)
    {
        ref var masks = ref MemoryMarshal.GetArrayDataReference(_masks);
        var target = (nuint)(slot * Words);
        for (var lane = 0; lane < Words; lane += Lanes)
        {
            Vector256<ulong>.Zero.StoreUnsafe(ref masks, target + (nuint)lane);
        }

        foreach (var next in _shape.Successors.Neighbours(component))
        {
            if (IsMarked(next))
            {
                var source = (nuint)(_slotOf[next] * Words);
                for (var lane = 0; lane < Words; lane += Lanes)
                {
                    var merged = Vector256.LoadUnsafe(ref masks, target + (nuint)lane) | Vector256.LoadUnsafe(ref masks, source + (nuint)lane);
                    merged.StoreUnsafe(ref masks, target + (nuint)lane);
                }
            }
        }
    }
}
