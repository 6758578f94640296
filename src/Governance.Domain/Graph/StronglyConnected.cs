namespace Governance.Domain.Graph;

/// <summary>Tarjan's strongly connected components, iterative so that deep graphs cannot overflow the stack.</summary>
internal static class StronglyConnected
{
    private const int Unvisited = -1;

    /// <summary>
    /// The component of every node, numbered in the order Tarjan completes them: sinks first, so every edge between two
    /// components goes from a higher number to a lower one.
    /// </summary>
    public static int[] Find(Csr graph, out int componentCount)
    {
        var search = new Search(graph);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (search.Index[node] == Unvisited)
            {
                search.From(node);
            }
        }

        componentCount = search.ComponentCount;
        return search.ComponentOf;
    }

    /// <summary>The state of one depth-first search, with its call stack kept in arrays.</summary>
    private sealed class Search
    {
        private readonly Csr _graph;
        private readonly int[] _low;
        private readonly bool[] _onStack;
        private readonly int[] _stack;
        private readonly int[] _callNode;
        private readonly int[] _callEdge;
        private int _stackSize;
        private int _callDepth;
        private int _counter;

        public Search(Csr graph)
        {
            var n = graph.NodeCount;
            _graph = graph;
            Index = new int[n];
            Array.Fill(Index, Unvisited);
            _low = new int[n];
            _onStack = new bool[n];
            _stack = new int[n];
            _callNode = new int[n];
            _callEdge = new int[n];
            ComponentOf = new int[n];
        }

        public int[] Index { get; }

        public int[] ComponentOf { get; }

        public int ComponentCount { get; private set; }

        public void From(int root)
        {
            Enter(root);
            while (_callDepth > 0)
            {
                var node = _callNode[_callDepth - 1];
                if (_callEdge[_callDepth - 1] < _graph.Offsets[node + 1])
                {
                    Visit(node, _graph.Targets[_callEdge[_callDepth - 1]++]);
                }
                else
                {
                    Leave(node);
                }
            }
        }

        private void Visit(int node, int next)
        {
            if (Index[next] == Unvisited)
            {
                Enter(next);
            }
            else if (_onStack[next])
            {
                _low[node] = Math.Min(_low[node], Index[next]);
            }
        }

        private void Enter(int node)
        {
            Index[node] = _counter;
            _low[node] = _counter++;
            _stack[_stackSize++] = node;
            _onStack[node] = true;
            _callNode[_callDepth] = node;
            _callEdge[_callDepth++] = _graph.Offsets[node];
        }

        private void Leave(int node)
        {
            _callDepth--;
            if (_low[node] == Index[node])
            {
                int member;
                do
                {
                    member = _stack[--_stackSize];
                    _onStack[member] = false;
                    ComponentOf[member] = ComponentCount;
                }
                while (member != node);
                ComponentCount++;
            }

            if (_callDepth > 0)
            {
                var parent = _callNode[_callDepth - 1];
                _low[parent] = Math.Min(_low[parent], _low[node]);
            }
        }
    }
}
