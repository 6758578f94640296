using System.CommandLine;
using Governance.Application.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Policies;
using Governance.Integrations.Policies;

namespace Governance.Cli.Auditing;

/// <summary><c>governance policies validate|list</c> and <c>governance facts</c>: the declarative risk policies and what they may use.</summary>
public sealed class PoliciesCommand
{
    private readonly Option<string?> _directory = new("--dir")
    {
        Description = "The policy folder. Default: ./policies, else the set shipped with the program",
    };

    public static Command Create(CommandBinder binder) => new PoliciesCommand().Build(binder);

    /// <summary><c>governance facts</c>: the catalog of facts a condition may use.</summary>
    public static Command CreateFacts(CommandBinder binder) =>
        binder.Bind(new Command("facts", "List every fact a policy condition may use, with its type and meaning"), FactsAsync);

    private Command Build(CommandBinder binder) => new("policies", "Validate and list the risk policies")
    {
        binder.Bind(new Command("validate", "Load every policy and the tier targets; report each problem as file:line:column") { _directory }, ValidateAsync),
        binder.Bind(new Command("list", "List the policies: id, category, severity, title, who they apply to") { _directory }, ListAsync),
    };

    private Task<int> ValidateAsync(Invocation run)
    {
        var directory = PolicyFolder.Resolve(run.Get(_directory));
        var loaded = PolicyLoader.Load(directory);
        if (run.Json)
        {
            run.WriteJson(new { Directory = directory, Valid = loaded.Errors.Count == 0, Policies = loaded.Set?.Policies.Count ?? 0, loaded.Set?.Hash, Errors = loaded.Errors.Select(error => error.ToString()) });
        }
        else if (loaded.Errors.Count == 0 && loaded.Set is { } set)
        {
            run.Context.Console.WriteLine($"{set.Policies.Count} policies and the tier targets in {directory} are valid (policy set {set.Hash[..12]}).");
        }
        else
        {
            foreach (var error in loaded.Errors)
            {
                run.Context.Error.WriteLine($"error: {error}");
            }

            run.Context.Error.WriteLine($"{loaded.Errors.Count} problem(s) in {directory}.");
        }

        return Task.FromResult(loaded.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput);
    }

    private Task<int> ListAsync(Invocation run)
    {
        var directory = PolicyFolder.Resolve(run.Get(_directory));
        var set = Load(directory);
        if (run.Json)
        {
            run.WriteJson(set.Policies.Select(policy => new { policy.Id, policy.Title, policy.Category, policy.Severity, policy.Rationale, policy.Fix, policy.AppliesTo }));
            return Task.FromResult(ExitCodes.Success);
        }

        var table = Tables.Create("id", "category", "severity", "title", "applies to");
        foreach (var policy in set.Policies.OrderBy(policy => policy.Category).ThenBy(policy => policy.Id, StringComparer.Ordinal))
        {
            table.Row(policy.Id, Names.Kebab(policy.Category), Names.Kebab(policy.Severity), policy.Title, PolicyText.AppliesTo(policy.AppliesTo));
        }

        run.Context.Console.Write(table);
        run.Context.Console.WriteLine($"{set.Policies.Count} policies in {directory}.");
        return Task.FromResult(ExitCodes.Success);
    }

    private static Task<int> FactsAsync(Invocation run)
    {
        if (run.Json)
        {
            run.WriteJson(FactCatalog.All.Select(fact => new { fact.Name, Type = Names.Kebab(fact.Type), Scope = Names.Kebab(fact.Scope), Collection = fact.Collection is { } collection ? FactCatalog.NameOf(collection) : null, fact.Meaning }));
            return Task.FromResult(ExitCodes.Success);
        }

        var table = Tables.Create("fact", "type", "scope", "meaning");
        foreach (var fact in FactCatalog.All)
        {
            table.Row(fact.Name, Names.Kebab(fact.Type), fact.Collection is { } collection ? $"{Names.Kebab(fact.Scope)} (in {FactCatalog.NameOf(collection)})" : Names.Kebab(fact.Scope), fact.Meaning);
        }

        run.Context.Console.Write(table);
        run.Context.Console.WriteLine($"{FactCatalog.All.Count} facts. Collections: {string.Join(", ", FactCatalog.CollectionNames)}.");
        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>The policy set in <paramref name="directory"/>, or a usage error listing its problems.</summary>
    public static PolicySet Load(string directory)
    {
        try
        {
            return PolicyFolder.Load(directory).Set;
        }
        catch (PolicySetInvalidException invalid)
        {
            throw new CliException(ExitCodes.InvalidInput, invalid.Message);
        }
    }
}
