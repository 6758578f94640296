using CsCheck;

namespace Governance.Fuzzing;

/// <summary>One change to a document; <see cref="Pick"/> chooses where (modulo the candidates) and <see cref="Arg"/> how.</summary>
public sealed record Mutation(MutationKind Kind, int Pick, int Arg)
{
    public override string ToString() => $"{Kind}({Pick},{Arg})";
}

/// <summary>The mutations, by the level they work at: the YAML tree, the text's lines, the bytes.</summary>
public enum MutationKind
{
    // Tree: the document stays well-formed, its content changes.
    DropField,
    DuplicateItem,
    Retype,
    OddScalar,
    HugeNumber,
    Unicode,
    RenameKey,
    MoveField,
    Alias,
    DeepNest,
    KeepWindow,
    ExtraDocument,

    // Text: lines and tokens, so the syntax breaks too.
    Truncate,
    DropLine,
    DuplicateLine,
    SwapLines,
    Reindent,
    InsertToken,
    DeepFlow,
    DocumentMarker,

    // Bytes: what a broken disk, a bad copy or another encoding does.
    FlipBit,
    InsertBytes,
    DeleteRange,
    DuplicateRange,
    ByteOrderMark,
}

/// <summary>Generators of mutations at each level.</summary>
public static class Mutations
{
    public static readonly Gen<Mutation> Tree = Of(MutationKind.DropField, MutationKind.ExtraDocument);

    public static readonly Gen<Mutation> Text = Of(MutationKind.Truncate, MutationKind.DocumentMarker);

    public static readonly Gen<Mutation> Bytes = Of(MutationKind.FlipBit, MutationKind.ByteOrderMark);

    private static Gen<Mutation> Of(MutationKind first, MutationKind last) =>
        Gen.Select(Gen.Int[(int)first, (int)last], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, pick, arg) => new Mutation((MutationKind)kind, pick, arg));
}
