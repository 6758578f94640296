namespace Governance.Domain.Graph;

/// <summary>What decides whether a caller fails with its callee.</summary>
[Flags]
internal enum EdgeTraits : byte
{
    None = 0,

    /// <summary>Synchronous and on the critical path.</summary>
    Critical = 1,

    /// <summary>Critical, with neither graceful degradation nor a client cache.</summary>
    Hard = 2,

    /// <summary>Declared from the callee's end (dependencyOf): yields to any edge the caller writes itself.</summary>
    Declared = 4,
}
