using Governance.Server.Hosting;
using Governance.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace Governance.Server.Auditing;

/// <summary>Registration of the scheduled fleet audit: Quartz with its job store in the product's own database.</summary>
public static class AuditScheduling
{
    /// <summary>The scheduler's name, which scopes its rows in the shared QRTZ_ tables.</summary>
    public const string SchedulerName = "governance";

    /// <summary>
    /// Quartz with its persistent ADO.NET job store in the database the store uses (tables created when missing):
    /// SQLite through Microsoft.Data.Sqlite, or PostgreSQL through Npgsql with clustering, so that N nodes share one
    /// schedule and fire each audit once. The scheduler reads time from the container's <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAuditScheduler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditScheduleOptions>().BindConfiguration(AuditScheduleOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuditScheduleOptions>, AuditScheduleOptionsValidator>();

        // The job store's driver is chosen here, so the database is read from configuration now, as the store reads it later.
        var database = StoreAddress.Resolve(StoreRegistration.DatabaseOf(builder.Configuration));
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                if (database.Dialect == StoreAddress.PostgreSql)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    // A node that dies holding a firing is found after check-in plus threshold: seconds, as for the silo.
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = TimeSpan.FromSeconds(2);
                        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(3);
                    });
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });

        // Registered before Quartz's own hosted service: the schedule is in place before the scheduler starts firing.
        builder.Services.AddHostedService<AuditScheduleInstaller>();
        builder.AddQuartzHostedService(hosting => hosting.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<AuditScheduleControl>();
        return builder;
    }
}
