using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Governance.Server.Api;

/// <summary>Says once, when the server has started, which header it trusts for the actor, and warns of every address beyond loopback.</summary>
public sealed class ApiStartupNotice(IHostApplicationLifetime lifetime, IServer server, IOptions<ApiOptions> options, ILogger<ApiStartupNotice> logger) : IHostedService
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
        var header = options.Value.ActorHeader;
        ApiLog.ActorHeaderTrusted(logger, header);
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            if (!IsLoopback(address))
            {
                ApiLog.ListeningBeyondLoopback(logger, address, header);
            }
        }
    }
}
