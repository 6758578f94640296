namespace Governance.Server.Cluster;

/// <summary>The <c>Governance:Cluster</c> configuration section: the silo's identity, endpoints, failure detection and reminders.</summary>
public sealed class GovernanceClusterOptions
{
    public const string Section = "Governance:Cluster";

    /// <summary>Silos with the same cluster id on one PostgreSQL database form one cluster.</summary>
    public string ClusterId { get; set; } = "governance";

    /// <summary>Keys the reminder rows: keep it fixed across restarts and deployments, or registered reminders are orphaned.</summary>
    public string ServiceId { get; set; } = "governance";

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to; 0 runs no gateway (the server's own API needs none).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address this silo listens on and other silos reach it at, as written to the membership table.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a probe of another silo may take before it counts as missed (Orleans: 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row after which a silo votes another dead (Orleans: 3). With 1 s probes: about 2 s.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>How many other silos each silo probes; two votes declare a silo dead, so at least 2.</summary>
    public int NumProbedSilos { get; set; } = 10;

    /// <summary>Votes older than this no longer count (Orleans: 2 min), so blips minutes apart do not add up to a death.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a silo writes its heartbeat to the membership table (Orleans: 30 s); joining silos skip stale ones.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo rereads the membership table (Orleans: 60 s), in case it missed a change by gossip.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows of dead silos are removed from the membership table after this long (Orleans: 7 days).</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The shortest period a grain may register a reminder with (Orleans: 1 min); tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
