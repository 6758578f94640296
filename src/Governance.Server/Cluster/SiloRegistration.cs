using System.Net;
using Governance.Server.Hosting;
using Governance.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Governance.Server.Cluster;

/// <summary>Registration of the Orleans silo the server hosts, with its reminders (and membership) in the store's database.</summary>
public static class SiloRegistration
{
    /// <summary>
    /// A silo whose settings come from the validated <see cref="GovernanceClusterOptions"/>, applied when it starts. On
    /// SQLite: one node with localhost (development) clustering, reminders in the store's file. On PostgreSQL: ADO.NET
    /// clustering and reminders in the store's database, so that N servers on one database form one cluster. Both read
    /// their SQL from the OrleansQuery table the store's migrations create, so the store must start first.
    /// </summary>
    public static IHostApplicationBuilder AddGovernanceSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GovernanceClusterOptions>().BindConfiguration(GovernanceClusterOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GovernanceClusterOptions>, GovernanceClusterOptionsValidator>();

        // The membership provider is chosen here, so the database is read from configuration now, as the store reads it later.
        var database = StoreAddress.Resolve(StoreRegistration.DatabaseOf(builder.Configuration));
        builder.Services.AddSingleton(_ => new SiloDatabase(database));
        builder.UseOrleans(silo =>
        {
            var services = silo.Services;
            services.AddOptions<ClusterOptions>().Configure<IOptions<GovernanceClusterOptions>>((cluster, settings) =>
            {
                cluster.ClusterId = settings.Value.ClusterId;
                cluster.ServiceId = settings.Value.ServiceId;
            });
            services.AddOptions<EndpointOptions>().Configure<IOptions<GovernanceClusterOptions>>((endpoints, settings) =>
            {
                endpoints.AdvertisedIPAddress = IPAddress.Parse(settings.Value.AdvertisedAddress);
                endpoints.SiloPort = settings.Value.SiloPort;
                endpoints.GatewayPort = settings.Value.GatewayPort;
            });
            services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<GovernanceClusterOptions>>((membership, settings) => Tune(membership, settings.Value));
            services.AddOptions<ReminderOptions>().Configure<IOptions<GovernanceClusterOptions>>((reminders, settings) =>
                reminders.MinimumReminderPeriod = settings.Value.MinimumReminderPeriod);

            silo.UseAdoNetReminderService(reminders => reminders.Configure<SiloDatabase>((options, shared) =>
            {
                options.Invariant = shared.Invariant;
                options.DataSource = shared.DataSource;
            }));
            if (database.Dialect == StoreAddress.PostgreSql)
            {
                silo.UseAdoNetClustering(clustering => clustering.Configure<SiloDatabase>((options, shared) =>
                {
                    options.Invariant = shared.Invariant;
                    options.DataSource = shared.DataSource;
                }));
            }
            else
            {
                // What UseLocalhostClustering sets up, from the options: membership kept in memory by this silo, its own primary.
                silo.UseDevelopmentClustering(development => development.Configure<IOptions<EndpointOptions>>((options, endpoints) =>
                    options.PrimarySiloEndpoint = new IPEndPoint(endpoints.Value.AdvertisedIPAddress, endpoints.Value.SiloPort)));
            }
        });
        return builder;
    }

    // Failure detection fast enough that a dead node's grains answer from another node within seconds.
    private static void Tune(ClusterMembershipOptions membership, GovernanceClusterOptions settings)
    {
        membership.ProbeTimeout = settings.ProbeTimeout;
        membership.NumMissedProbesLimit = settings.NumMissedProbesLimit;
        membership.NumProbedSilos = settings.NumProbedSilos;
        membership.DeathVoteExpirationTimeout = settings.DeathVoteExpirationTimeout;
        membership.IAmAliveTablePublishTimeout = settings.IAmAliveTablePublishTimeout;
        membership.TableRefreshTimeout = settings.TableRefreshTimeout;
        membership.DefunctSiloExpiration = settings.DefunctSiloExpiration;
    }
}
