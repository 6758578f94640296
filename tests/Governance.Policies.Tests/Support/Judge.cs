using Governance.Domain.Catalog;

namespace Governance.Policies.Tests.Support;

/// <summary>Which services one condition (written as YAML) flags: how the language's forms are tested.</summary>
public static class Judge
{
    /// <summary>The ids, in order, of the services of <paramref name="fleet"/> that the condition <paramref name="when"/> holds for.</summary>
    public static IReadOnlyList<string> Flagged(string when, TestFleet fleet, string appliesTo = "", DateTimeOffset? at = null) =>
        fleet.ServicesWith("test", PolicyFiles.With(when, appliesTo), at);

    /// <summary>The same, for a fleet of the given services.</summary>
    public static IReadOnlyList<string> Flagged(string when, params ServiceState[] services)
    {
        var fleet = new TestFleet();
        foreach (var service in services)
        {
            fleet.Add(service);
        }

        return Flagged(when, fleet);
    }
}
