namespace Governance.Domain.Graph;

/// <summary>
/// One reachability count to make: a DAG (edges to lower numbers), the seed bits each of its components holds, and what
/// each bit weighs (null: one each).
/// </summary>
internal sealed record ReachProblem(Csr Dag, Csr Seeds, int BitCount, int[]? Weights = null)
{
    public int Passes => (BitCount + ReachPass.Bits - 1) / ReachPass.Bits;

    /// <summary>Counting the nodes each component of <paramref name="components"/> reaches: a bit per component, weighing its size.</summary>
    public static ReachProblem Nodes(Condensation components)
    {
        var count = components.ComponentCount;
        var own = new Csr(Csr.Sequence(count + 1), Csr.Sequence(count));
        return new ReachProblem(components.Dag, own, count, components.Sizes);
    }
}

/// <summary>
/// Exact reachability counts over DAGs, bit-parallel: each pass follows <see cref="ReachPass.Bits"/> seed bits at once
/// through the components that can reach them, and the passes of every problem run in parallel.
/// </summary>
internal static class ReachCounter
{
    /// <summary>
    /// For each problem, for each component of its DAG, the total weight of the distinct seed bits the components it
    /// reaches, itself included, hold between them.
    /// </summary>
    public static int[][] Count(IReadOnlyList<ReachProblem> problems)
    {
        var shapes = problems.Select(ReachShape.Of).ToArray();
        var work = problems.SelectMany((problem, index) => Enumerable.Range(0, problem.Passes).Select(pass => (Problem: index, Pass: pass))).ToArray();
        var totals = problems.Select(problem => new int[problem.Dag.NodeCount]).ToArray();
        if (work.Length == 0)
        {
            return totals;
        }

        // One state per core, made once: each holds a mask per component, and Parallel.For's thread-local state would be
        // made again every time the loop hands a worker over, which for a long loop is often.
        var workers = new ReachPass[Math.Min(Environment.ProcessorCount, work.Length)];
        var taken = -1;
        Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, worker =>
        {
            var state = new ReachPass(shapes);
            for (var item = Interlocked.Increment(ref taken); item < work.Length; item = Interlocked.Increment(ref taken))
            {
                var (problem, pass) = work[item];
                var low = pass * ReachPass.Bits;
                state.Run(problem, low, Math.Min(low + ReachPass.Bits, problems[problem].BitCount));
            }

            workers[worker] = state;
        });
        foreach (var state in workers)
        {
            state.AddCountsTo(totals);
        }

        return totals;
    }
}

/// <summary>What every pass of one problem reads: the DAG both ways, each component's bits, each bit's holders and weight.</summary>
internal sealed record ReachShape(Csr Successors, Csr Predecessors, Csr Seeds, Csr Holders, int[]? Weights)
{
    public static ReachShape Of(ReachProblem problem) =>
        new(problem.Dag, problem.Dag.Transpose(), problem.Seeds, problem.Seeds.Transpose(problem.BitCount), problem.Weights);
}
