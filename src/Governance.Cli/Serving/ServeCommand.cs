using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Server.Hosting;
using Microsoft.Extensions.Hosting;

namespace Governance.Cli.Serving;

/// <summary><c>governance serve</c>: the long-running server on the store the command line names.</summary>
public sealed class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    private readonly Option<string?> _urls = new("--urls")
    {
        Description = $"Addresses to listen on, separated by ';'. Default: $ASPNETCORE_URLS, else {DefaultUrls}",
    };

    public static Command Create(CommandBinder binder) => new ServeCommand().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("serve", "Run the server: health at /health, the catalog and its write API under /api, OpenAPI at /openapi/v1.json") { _urls }, RunAsync);

    private Task<int> RunAsync(Invocation run) => ServeAsync(run, run.Database, run.Get(_urls), started: null);

    /// <summary>Serves <paramref name="database"/> until stopped; <paramref name="started"/> hears the addresses it listens on.</summary>
    public static async Task<int> ServeAsync(Invocation run, string database, string? urls, Action<IReadOnlyList<string>>? started)
    {
        await using var app = GovernanceServer.Build([], new Dictionary<string, string?>
        {
            [$"{StoreOptions.Section}:{nameof(StoreOptions.Database)}"] = database,
            ["urls"] = urls ?? run.Context.Environment("ASPNETCORE_URLS") ?? DefaultUrls,
        });
        await app.StartAsync(run.CancellationToken);
        started?.Invoke([.. app.Urls]);
        await app.WaitForShutdownAsync(run.CancellationToken);
        return ExitCodes.Success;
    }
}
