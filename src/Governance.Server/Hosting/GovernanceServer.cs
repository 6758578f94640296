using Governance.Server.Api;
using Governance.Server.Auditing;
using Governance.Server.Catalog;
using Governance.Server.Health;
using Governance.Server.Imports;
using Governance.Server.Services;

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
        builder.AddGovernanceApi();
        var app = builder.Build();
        app.UseGovernanceApi();
        app.MapHealthEndpoints();
        app.MapCatalogEndpoints();
        app.MapServiceEndpoints();
        app.MapWaiverEndpoints();
        app.MapRemediationEndpoints();
        app.MapImportEndpoints();
        return app;
    }
}
