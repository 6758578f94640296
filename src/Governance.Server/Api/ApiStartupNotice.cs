using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Governance.Server.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Server.Api;

/// <summary>Says once, when the server has started, how people and scripts sign in, and warns of every address beyond loopback.</summary>
public sealed class ApiStartupNotice(IHostApplicationLifetime lifetime, IServer server, IOptions<IdentityOptions> options, ILogger<ApiStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Addresses are known only once the server listens.
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True for an address only this machine can reach: localhost, 127.0.0.0/8, ::1.</summary>
    public static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private void Announce()
    {
        ApiLog.IdentityWays(logger, Describe(options.Value));
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            if (!IsLoopback(address))
            {
                ApiLog.ListeningBeyondLoopback(logger, address);
            }
        }
    }

    private static string Describe(IdentityOptions identity)
    {
        var ways = new List<string>();
        if (identity.LocalAccounts)
        {
            ways.Add("local accounts (governance users add) with passwords and API tokens");
        }

        if (identity.HasOpenIdConnect)
        {
            ways.Add($"OpenID Connect at {identity.Authority}");
        }

        if (identity.HasBearerTokens)
        {
            ways.Add($"bearer tokens issued by {identity.Issuer ?? identity.Authority}");
        }

        return ways.Count > 0 ? string.Join("; ", ways) : "none configured: nobody can sign in";
    }
}
