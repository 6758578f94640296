using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class SelectorTests
{
    private static readonly TestFleet Fleet = new TestFleet()
        .Add("t0", tier: 0, service => service.WithProfile(profile => profile with { Owner = "platform-team", Tags = ["java", "grpc"] }))
        .Add("t1", tier: 1, service => service.WithProfile(profile => profile with { Lifecycle = "experimental", Tags = ["go"] }))
        .Add("db", tier: 2, service => service.WithProfile(profile => profile with { Kind = "resource", Owner = "user:jane" }))
        .Add("unclassified", tier: null);

    [Theory]
    [InlineData("", "db t0 t1 unclassified")]
    [InlineData("tiers: [0, 2]", "db t0")]
    [InlineData("lifecycles: [Experimental]", "t1")]
    [InlineData("teams: [group:platform-team]", "t0")]
    [InlineData("teams: [platform-team, user:jane]", "db t0")]
    [InlineData("tags: [go, grpc]", "t0 t1")]
    [InlineData("kinds: [resource]", "db")]
    [InlineData("tiers: [0, 1]\ntags: [go]", "t1")]
    public void A_policy_applies_to_the_services_every_given_list_matches(string appliesTo, string flagged) =>
        Assert.Equal(flagged.Split(' '), Judge.Flagged("all: []", Fleet, appliesTo));

    [Fact]
    public void The_selector_record_matches_as_the_compiled_one_does()
    {
        var selector = new Domain.Policies.PolicySelector { Tiers = [0], Teams = ["group:platform-team"], Tags = ["GRPC"] };

        Assert.Equal(["t0"], Fleet.Snapshot.Services.Where(service => selector.Matches(service.Profile)).Select(service => service.Id));
    }
}
