using Governance.Cli.Demo;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;

namespace Governance.Cli.Tests;

public sealed class FleetOverviewTests
{
    [Fact]
    public void A_hub_counts_each_critical_caller_once_even_when_it_calls_directly_and_through_an_api()
    {
        var hub = new ServiceState(new ServiceProfile("flags", "Flags") { ProvidesApis = ["feature-flags"] });
        var caller = new ServiceState(new ServiceProfile("sms", "SMS") { Tier = 0 })
        {
            Dependencies = [new Dependency("flags") { TimeoutMs = 100 }, new Dependency("api:feature-flags")],
        };

        var counted = Hub.Of(hub, CallerIndex.Build([hub, caller]));

        Assert.Equal(new Hub("flags", null, 1, 1, 0, 1), counted);
    }
}
