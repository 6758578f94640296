using System.Net;
using System.Net.Sockets;

namespace Governance.Server.Tests.Support;

/// <summary>
/// Silo settings for a test host: a loopback port nothing listens on, and no gateway, so that the many hosts one test run
/// starts (several at once) never collide on Orleans' fixed default ports.
/// </summary>
public static class SiloPorts
{
    public const string SiloPortKey = "Governance:Cluster:SiloPort";
    public const string GatewayPortKey = "Governance:Cluster:GatewayPort";

    /// <summary>The settings, as (key, value) pairs.</summary>
    public static (string Key, string? Value)[] Settings() => [(SiloPortKey, Free().ToString(System.Globalization.CultureInfo.InvariantCulture)), (GatewayPortKey, "0")];

    /// <summary>A loopback port that was free a moment ago (the system hands out another one each time).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
