using System.Linq.Expressions;
using Governance.Domain.Audit;

namespace Governance.Domain.Policies;

/// <summary>
/// A condition compiled twice over: <see cref="Body"/>, an expression that parents inline into their own and that the policy's
/// fast path compiles (once) into one optimised method; and <see cref="Explain"/>, which records the evidence of an outcome
/// the caller already knows. Explaining needs a part's own <see cref="Test"/> only where the outcome does not tell which parts
/// decided it (the true parts of a true <c>any</c>, the false parts of a false <c>all</c>).
/// </summary>
internal sealed class CompiledCondition
{
    private readonly Lazy<Func<FactContext, bool>> _test;
    private readonly Action<FactContext, List<Evidence>, bool> _explain;

    public CompiledCondition(Expression body, ParameterExpression context, Action<FactContext, List<Evidence>, bool> explain)
    {
        Body = body;
        _explain = explain;

        // A part's own test is compiled only when something needs it: the policy's root, a where, or an explanation.
        _test = new(() => Expression.Lambda<Func<FactContext, bool>>(body, context).Compile());
    }

    /// <summary>The condition as an expression over the policy's context parameter.</summary>
    public Expression Body { get; }

    /// <summary>The condition compiled on its own.</summary>
    public Func<FactContext, bool> Test => _test.Value;

    /// <summary>Records in <paramref name="evidence"/> what made the condition come out as <paramref name="outcome"/> for the context.</summary>
    public void Explain(FactContext context, List<Evidence> evidence, bool outcome) => _explain(context, evidence, outcome);
}
