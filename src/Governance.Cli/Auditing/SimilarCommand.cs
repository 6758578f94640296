using System.CommandLine;
using System.Globalization;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;

namespace Governance.Cli.Auditing;

/// <summary>
/// <c>governance similar SERVICE</c> or <c>governance similar --traits A,B</c>: the services with similar risk
/// characteristics at the latest audit — sharing a service's traits, or an incident's contributing factors.
/// </summary>
public sealed class SimilarCommand
{
    private readonly Argument<string?> _service = new("service") { Description = "The service whose traits others should share", Arity = ArgumentArity.ZeroOrOne };

    private readonly Option<string?> _traits = new("--traits") { Description = "Trait ids, comma-separated: an incident's contributing factors" };

    private readonly Option<int> _limit = new("--limit") { Description = "How many services to list", DefaultValueFactory = _ => 15 };

    public static Command Create(CommandBinder binder) => new SimilarCommand().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("similar", "Rank the services that share a service's risk traits, or the given traits, with the shared traits as the reason") { _service, _traits, _limit },
        RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        var service = run.Get(_service);
        var traits = run.Get(_traits)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if ((service is null) == (traits.Length == 0))
        {
            throw new CliException(ExitCodes.Usage, "name a service, or --traits A,B — one of the two");
        }

        if (run.Get(_limit) < 1)
        {
            throw new CliException(ExitCodes.Usage, $"--limit must be at least 1, was {run.Get(_limit)}");
        }

        await using var store = await run.OpenExistingStoreAsync();
        var audit = await AuditCommand.LatestAsync(store, run);
        var index = SimilarityIndex.Build(audit.Result);
        var basis = service is null ? string.Join(", ", traits) : EntityRefs.Normalize(service, "component");
        if (service is not null && audit.Result.Profiles.All(profile => profile.ServiceId != basis))
        {
            throw new CliException(ExitCodes.NotFound, $"'{basis}' has no risk traits at audit run {audit.Run.Id}, so nothing can be similar to it");
        }

        var similar = service is null ? index.RankByTraits(traits, run.Get(_limit)) : index.Rank(basis, run.Get(_limit));
        if (run.Json)
        {
            run.WriteJson(new { RunId = audit.Run.Id, Basis = basis, Similar = similar });
            return ExitCodes.Success;
        }

        run.Context.Console.Heading($"Services with risks similar to {basis} (audit run {audit.Run.Id})");
        var table = Tables.Create("service", "score", "shared traits");
        foreach (var match in similar)
        {
            table.Row(match.ServiceId, match.Score.ToString("F1", CultureInfo.InvariantCulture), string.Join(", ", match.SharedTraits));
        }

        run.Context.Console.Write(table);
        return ExitCodes.Success;
    }
}
