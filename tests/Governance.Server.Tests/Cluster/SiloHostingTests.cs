using Governance.Server.Hosting;
using Governance.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Governance.Server.Tests.Cluster;

public sealed class SiloHostingTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_host_starts_the_store_then_the_silo_then_the_scheduler()
    {
        await using var app = GovernanceServer.Build([], new Dictionary<string, string?> { ["Governance:Database"] = _database.ConnectionString });

        var order = app.Services.GetServices<IHostedService>().Select(service => service.GetType().Name).ToList();

        Assert.Equal(["StoreHolder", "SiloHostedService", "AuditScheduleInstaller", "QuartzHostedService"], order.Where(Relevant));
    }

    [Fact]
    public async Task Cluster_settings_the_silo_cannot_run_with_stop_the_host_from_starting()
    {
        await using var host = GovernanceServer.Build([], new Dictionary<string, string?>
        {
            ["Governance:Database"] = _database.ConnectionString,
            ["urls"] = "http://127.0.0.1:0",
            ["Governance:Cluster:ServiceId"] = " ",
            ["Governance:Cluster:SiloPort"] = "70000",
            ["Governance:Cluster:GatewayPort"] = "70000",
            ["Governance:Cluster:AdvertisedAddress"] = "0.0.0.0",
            ["Governance:Cluster:NumProbedSilos"] = "1",
            ["Governance:Cluster:ProbeTimeout"] = "00:00:00",
        });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Governance:Cluster:ServiceId must not be empty, was ' '",
                "Governance:Cluster:SiloPort must be a port from 1 to 65535, was 70000",
                "Governance:Cluster:GatewayPort must be a port from 0 to 65535, was 70000",
                "Governance:Cluster:GatewayPort 70000 is also the SiloPort: use another port, or 0 for no gateway",
                "Governance:Cluster:AdvertisedAddress '0.0.0.0' is not an IP address other silos can reach this one at",
                "Governance:Cluster:ProbeTimeout must be positive, was 00:00:00",
                "Governance:Cluster:NumProbedSilos must be at least 2 (two silos' votes declare a silo dead), was 1",
            ],
            refused.Failures);
    }

    [Fact]
    public async Task Without_settings_the_silo_uses_the_documented_defaults()
    {
        await using var app = GovernanceServer.Build([], new Dictionary<string, string?> { ["Governance:Database"] = _database.ConnectionString });

        var cluster = app.Services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value;
        var endpoints = app.Services.GetRequiredService<IOptions<Orleans.Configuration.EndpointOptions>>().Value;
        var membership = app.Services.GetRequiredService<IOptions<Orleans.Configuration.ClusterMembershipOptions>>().Value;
        var reminders = app.Services.GetRequiredService<IOptions<Orleans.Hosting.ReminderOptions>>().Value;

        Assert.Equal(("governance", "governance"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal(("127.0.0.1", 11111, 30000), (endpoints.AdvertisedIPAddress.ToString(), endpoints.SiloPort, endpoints.GatewayPort));
        Assert.Equal((TimeSpan.FromSeconds(1), 2), (membership.ProbeTimeout, membership.NumMissedProbesLimit));
        Assert.Equal(TimeSpan.FromMinutes(1), reminders.MinimumReminderPeriod);
    }

    private static bool Relevant(string name) => name is "StoreHolder" or "SiloHostedService" or "AuditScheduleInstaller" or "QuartzHostedService";
}
