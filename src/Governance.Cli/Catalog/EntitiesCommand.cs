using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;

namespace Governance.Cli.Catalog;

/// <summary><c>governance entities list</c>: the teams, people, systems, domains and APIs services refer to.</summary>
public sealed class EntitiesCommand
{
    private readonly Option<string?> _kind = new("--kind")
    {
        Description = $"Only entities of this kind: {string.Join(", ", EntityKinds.All)}",
    };

    public static Command Create(CommandBinder binder) => new EntitiesCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("entities", "List the catalog's other entities: groups, users, systems, domains, APIs")
    {
        binder.Bind(new Command("list", "List entities, optionally of one kind") { _kind }, ListAsync),
    };

    private async Task<int> ListAsync(Invocation run)
    {
        var kind = run.Get(_kind)?.Trim().ToLowerInvariant();
        if (kind is not null && !EntityKinds.All.Contains(kind))
        {
            throw new CliException(ExitCodes.Usage, $"--kind must be one of {string.Join(", ", EntityKinds.All)}, was '{kind}'");
        }

        await using var store = await run.OpenExistingStoreAsync();
        var entities = await store.ListEntitiesAsync(kind, run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(entities.Select(entity => new { entity.State, entity.Version }));
            return ExitCodes.Success;
        }

        var table = Tables.Create("subject", "name", "type", "owner", "parent");
        foreach (var entity in entities.Select(entity => entity.State))
        {
            table.Row(entity.Subject, entity.Name, entity.Type, entity.Owner, entity.Parent);
        }

        run.Context.Console.Write(table);
        run.Context.Console.WriteLine($"{entities.Count} entit{(entities.Count == 1 ? "y" : "ies")}.");
        return ExitCodes.Success;
    }
}
