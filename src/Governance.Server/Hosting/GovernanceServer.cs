using Governance.Server.Api;
using Governance.Server.Auditing;
using Governance.Server.Catalog;
using Governance.Server.Cluster;
using Governance.Server.Exports;
using Governance.Server.Health;
using Governance.Server.Identity;
using Governance.Server.Imports;
using Governance.Server.Services;
using Governance.Server.Verification;

namespace Governance.Server.Hosting;

/// <summary>Builds the Governance web host: the store, the silo, the scheduled audit, JSON in the domain's shape, and the endpoints.</summary>
public static class GovernanceServer
{
    // What a person watching the console needs; any configuration source overrides these.
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Error",
        ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
        ["Logging:LogLevel:Quartz"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",

        // The key ring is kept in the store on purpose (shared by every node); the warning that it is not encrypted there says nothing new.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
    };

    /// <summary>A ready-to-run server; <paramref name="settings"/> override configuration (the CLI passes its --db here).</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The pages' stylesheet is copied beside the program, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = QuietDefaults });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Start order. Hosted services start one after another, in the order they are registered here (and stop in
        // reverse), so these registrations are the start order and must stay in it:
        //   1. the store: opening it runs the migrations, which create the OrleansQuery table the silo reads its SQL from;
        //      then the grain host loads the policy set, so a broken set stops the server before any grain runs;
        //   2. the silo: membership and reminders in the store's database; grains may use the open store;
        //   3. Quartz: the audit schedule is installed and jobs fire only once the store and the silo are up;
        //   4. the verification schedule, on the running scheduler.
        builder.AddGovernanceStore();
        builder.AddServiceGrainHost();
        builder.AddGovernanceSilo();
        builder.AddAuditScheduler();
        builder.AddHistoryVerification();
        builder.AddFleetAudit();
        builder.AddGovernanceJson();
        builder.AddGovernanceIdentity();
        builder.AddGovernanceApi();
        builder.Services.AddRazorPages().AddApplicationPart(typeof(GovernanceServer).Assembly);
        builder.Services.AddSingleton<Pages.PageWrite>();
        builder.Services.AddSingleton<Auditing.SimilarityIndexCache>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGovernanceApi();
        app.MapHealthEndpoints();
        app.MapCatalogEndpoints();
        app.MapServiceEndpoints();
        app.MapWaiverEndpoints();
        app.MapRemediationEndpoints();
        app.MapImportEndpoints();
        app.MapExportEndpoints();
        app.MapRazorPages();
        return app;
    }
}
