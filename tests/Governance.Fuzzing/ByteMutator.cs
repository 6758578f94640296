namespace Governance.Fuzzing;

/// <summary>Byte-level mutations of a file: flipped bits, stray bytes (broken UTF-8, NUL, BOMs), ranges deleted or repeated.</summary>
internal static class ByteMutator
{
    public static byte[] Apply(byte[] bytes, Mutation mutation)
    {
        var list = new List<byte>(bytes);
        var at = list.Count == 0 ? 0 : mutation.Pick % (list.Count + 1);
        switch (mutation.Kind)
        {
            case MutationKind.FlipBit when list.Count > 0:
                var index = mutation.Pick % list.Count;
                list[index] ^= (byte)(1 << (mutation.Arg % 8));
                break;
            case MutationKind.InsertBytes:
                list.InsertRange(at, OddValues.Of(OddValues.Bytes, mutation.Arg));
                break;
            case MutationKind.DeleteRange:
                list.RemoveRange(Math.Min(at, list.Count), Math.Min(1 + (mutation.Arg % 64), list.Count - Math.Min(at, list.Count)));
                break;
            case MutationKind.DuplicateRange:
                var start = Math.Min(at, list.Count);
                var range = list.GetRange(start, Math.Min(1 + (mutation.Arg % 64), list.Count - start));
                list.InsertRange(start, range);
                break;
            case MutationKind.ByteOrderMark:
                list.InsertRange(mutation.Pick % 4 == 0 ? at : 0, OddValues.Of(OddValues.ByteOrderMarks, mutation.Arg));
                break;
        }

        return [.. list];
    }
}
