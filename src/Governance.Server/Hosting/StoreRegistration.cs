using Governance.Domain.Serialization;
using Governance.Integrations.Import;
using Governance.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Governance.Server.Hosting;

/// <summary>Registrations of the store and of the JSON shape the API speaks.</summary>
public static class StoreRegistration
{
    /// <summary>One store for the process, opened (and migrated) when the host starts.</summary>
    public static IHostApplicationBuilder AddGovernanceStore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.Database))
                {
                    options.Database = DatabaseOf(configuration);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<StoreHolder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoreHolder>());
        return builder;
    }

    /// <summary>The store <paramref name="configuration"/> names: Governance:Database, else GOVERNANCE_DB, else governance.db.</summary>
    public static string DatabaseOf(IConfiguration configuration)
    {
        var database = configuration[$"{StoreOptions.Section}:{nameof(StoreOptions.Database)}"];
        return string.IsNullOrWhiteSpace(database) ? configuration[StoreDefaults.DatabaseVariable] ?? StoreDefaults.DefaultDatabase : database;
    }

    /// <summary>API JSON is the domain's JSON: camelCase, kebab-case enums, nulls left out.</summary>
    public static IHostApplicationBuilder AddGovernanceJson(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            foreach (var converter in DomainJson.Options.Converters)
            {
                options.SerializerOptions.Converters.Add(converter);
            }

            options.SerializerOptions.DefaultIgnoreCondition = DomainJson.Options.DefaultIgnoreCondition;

            // A body nested deeper is refused as malformed (400), as the YAML readers refuse a file.
            options.SerializerOptions.MaxDepth = InputLimits.MaxNestingDepth;
        });
        return builder;
    }
}

/// <summary>Opens the store when the host starts and closes it when the host stops.</summary>
public sealed class StoreHolder(IOptions<StoreOptions> options, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private GovernanceStore? _store;

    /// <summary>The open store; only valid once the host has started.</summary>
    public GovernanceStore Store => _store ?? throw new InvalidOperationException("the store is opened when the host starts");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _store = await GovernanceStore.OpenAsync(options.Value.Database, time, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
