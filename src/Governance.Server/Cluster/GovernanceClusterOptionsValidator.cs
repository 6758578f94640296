using System.Net;
using Microsoft.Extensions.Options;

namespace Governance.Server.Cluster;

/// <summary>Refuses, when the host starts, cluster settings the silo could not run with, naming each setting and its value.</summary>
internal sealed class GovernanceClusterOptionsValidator : IValidateOptions<GovernanceClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceClusterOptions options)
    {
        var failures = new List<string>();
        RequireText(failures, nameof(options.ClusterId), options.ClusterId);
        RequireText(failures, nameof(options.ServiceId), options.ServiceId);
        RequirePort(failures, nameof(options.SiloPort), options.SiloPort, lowest: 1);
        RequirePort(failures, nameof(options.GatewayPort), options.GatewayPort, lowest: 0);
        if (options.GatewayPort == options.SiloPort)
        {
            failures.Add($"{Setting(nameof(options.GatewayPort))} {options.GatewayPort} is also the {nameof(options.SiloPort)}: use another port, or 0 for no gateway");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out var address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            failures.Add($"{Setting(nameof(options.AdvertisedAddress))} '{options.AdvertisedAddress}' is not an IP address other silos can reach this one at");
        }

        RequirePositive(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        RequireAtLeast(failures, nameof(options.NumMissedProbesLimit), options.NumMissedProbesLimit, 1, string.Empty);
        RequireAtLeast(failures, nameof(options.NumProbedSilos), options.NumProbedSilos, 2, " (two silos' votes declare a silo dead)");
        RequirePositive(failures, nameof(options.DeathVoteExpirationTimeout), options.DeathVoteExpirationTimeout);
        RequirePositive(failures, nameof(options.IAmAliveTablePublishTimeout), options.IAmAliveTablePublishTimeout);
        RequirePositive(failures, nameof(options.TableRefreshTimeout), options.TableRefreshTimeout);
        RequirePositive(failures, nameof(options.DefunctSiloExpiration), options.DefunctSiloExpiration);
        RequirePositive(failures, nameof(options.MinimumReminderPeriod), options.MinimumReminderPeriod);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string name) => $"{GovernanceClusterOptions.Section}:{name}";

    private static void RequireText(List<string> failures, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Setting(name)} must not be empty, was '{value}'");
        }
    }

    private static void RequirePort(List<string> failures, string name, int value, int lowest)
    {
        if (value < lowest || value > IPEndPoint.MaxPort)
        {
            failures.Add($"{Setting(name)} must be a port from {lowest} to {IPEndPoint.MaxPort}, was {value}");
        }
    }

    private static void RequireAtLeast(List<string> failures, string name, int value, int lowest, string why)
    {
        if (value < lowest)
        {
            failures.Add($"{Setting(name)} must be at least {lowest}{why}, was {value}");
        }
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(name)} must be positive, was {value}");
        }
    }
}
