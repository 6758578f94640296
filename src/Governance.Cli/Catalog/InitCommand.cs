using System.CommandLine;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Catalog;

/// <summary><c>governance init</c>: creates the store, or brings its schema up to date, and says where it is.</summary>
public static class InitCommand
{
    public static Command Create(CommandBinder binder) =>
        binder.Bind(new Command("init", "Create the store, or bring its schema up to date, and show where it is"), RunAsync);

    private static async Task<int> RunAsync(Invocation run)
    {
        await using var store = await run.OpenStoreAsync();
        var statistics = await store.GetStatisticsAsync(run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(new { store.Dialect, store.Location, statistics.Services, statistics.EntitiesByKind, statistics.HistoryEntries });
            return ExitCodes.Success;
        }

        run.Context.Console.WriteLine($"Store ready: {store.Dialect} at {store.Location}");
        run.Context.Console.WriteLine($"{statistics.Services} services, {statistics.EntitiesByKind.Values.Sum()} other catalog entities, {statistics.HistoryEntries} history entries.");
        return ExitCodes.Success;
    }
}
