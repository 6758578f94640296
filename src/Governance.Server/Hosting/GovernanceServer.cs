using Governance.Server.Auditing;
using Governance.Server.Catalog;
using Governance.Server.Health;

namespace Governance.Server.Hosting;

/// <summary>Builds the Governance web host: the store, the scheduled audit, JSON in the domain's shape, and the endpoints.</summary>
public static class GovernanceServer
{
    /// <summary>A ready-to-run server; <paramref name="settings"/> override configuration (the CLI passes its --db here).</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddGovernanceStore();
        builder.AddServiceGrainHost();
        builder.AddAuditScheduler();
        builder.AddFleetAudit();
        builder.AddGovernanceJson();
        var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapCatalogEndpoints();
        return app;
    }
}
