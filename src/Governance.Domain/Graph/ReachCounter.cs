namespace Governance.Domain.Graph;

/// <summary>One reachability count to make: a DAG (edges to lower numbers) and the seed bits each of its components holds.</summary>
internal sealed record ReachProblem(Csr Dag, Csr Seeds, int BitCount)
{
    public int Passes => (BitCount + ReachPass.Bits - 1) / ReachPass.Bits;
}

/// <summary>
/// Exact reachability counts over DAGs, bit-parallel: each pass follows <see cref="ReachPass.Bits"/> seed bits at once
/// through the components that can reach them, and the passes of every problem run in parallel.
/// </summary>
internal static class ReachCounter
{
    /// <summary>
    /// For each problem, for each component of its DAG, how many distinct seed bits the components it reaches, itself
    /// included, hold between them.
    /// </summary>
    public static int[][] Count(IReadOnlyList<ReachProblem> problems)
    {
        var shapes = problems.Select(ReachShape.Of).ToArray();
        var work = problems.SelectMany((problem, index) => Enumerable.Range(0, problem.Passes).Select(pass => (Problem: index, Pass: pass))).ToArray();
        var totals = problems.Select(problem => new int[problem.Dag.NodeCount]).ToArray();
        var gate = new object();
        // One pass state per core: each holds a mask per component, so more workers would only cost memory.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(
            0,
            work.Length,
            options,
            () => new ReachPass(shapes),
            (item, _, state) =>
            {
                var (problem, pass) = work[item];
                var low = pass * ReachPass.Bits;
                state.Run(problem, low, Math.Min(low + ReachPass.Bits, problems[problem].BitCount));
                return state;
            },
            state =>
            {
                lock (gate)
                {
                    state.AddCountsTo(totals);
                }
            });
        return totals;
    }
}

/// <summary>What every pass of one problem reads: the DAG both ways, each component's bits and each bit's holders.</summary>
internal sealed record ReachShape(Csr Successors, Csr Predecessors, Csr Seeds, Csr Holders)
{
    public static ReachShape Of(ReachProblem problem) =>
        new(problem.Dag, problem.Dag.Transpose(), problem.Seeds, problem.Seeds.Transpose(problem.BitCount));
}
