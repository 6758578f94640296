using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class CombinatorTests
{
    private static readonly ServiceState[] Tiers = [Healthy.Service("t0", 0), Healthy.Service("t1", 1), Healthy.Service("t2", 2), Healthy.Service("t3", 3)];

    [Fact]
    public void All_holds_when_every_condition_holds() =>
        Assert.Equal(["t1", "t2"], Judge.Flagged("all:\n  - { fact: tier, atLeast: 1 }\n  - { fact: tier, atMost: 2 }", Tiers));

    [Fact]
    public void Any_holds_when_one_condition_holds() =>
        Assert.Equal(["t0", "t3"], Judge.Flagged("any:\n  - { fact: tier, equals: 0 }\n  - { fact: tier, equals: 3 }", Tiers));

    [Fact]
    public void An_empty_all_holds_and_an_empty_any_does_not()
    {
        Assert.Equal(["t0", "t1", "t2", "t3"], Judge.Flagged("all: []", Tiers));
        Assert.Empty(Judge.Flagged("any: []", Tiers));
    }

    [Fact]
    public void Not_negates() =>
        Assert.Equal(["t0", "t3"], Judge.Flagged("not: { fact: tier, in: [1, 2] }", Tiers));

    [Fact]
    public void Combinators_nest() =>
        Assert.Equal(["t0", "t2"], Judge.Flagged("""
            any:
              - all: [{ fact: tier, lessThan: 1 }, { not: { fact: tier, greaterThan: 0 } }]
              - not: { any: [{ fact: tier, equals: 0 }, { fact: tier, equals: 1 }, { fact: tier, equals: 3 }] }
            """, Tiers));
}
