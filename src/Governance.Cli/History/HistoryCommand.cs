using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Domain.Catalog;
using Governance.Domain.History;

namespace Governance.Cli.History;

/// <summary><c>governance history ID</c> and <c>governance history verify</c>: the append-only log of accepted commands.</summary>
public sealed class HistoryCommand
{
    private readonly Argument<string> _subject = new("id")
    {
        Description = "A service id (feature-enablement, resource:artists-db) or another entity as KIND:ID (group:team-a, system:billing)",
    };

    private readonly Option<bool> _incremental = new("--incremental")
    {
        Description = "Recompute only the entries after the last intact verification (its checkpoint); states are always all checked",
    };

    public static Command Create(CommandBinder binder) => new HistoryCommand().Build(binder);

    private Command Build(CommandBinder binder)
    {
        var history = binder.Bind(new Command("history", "Show the history of one service or entity") { _subject }, ShowAsync);
        history.Add(binder.Bind(
            new Command("verify", "Recompute the history's hash chain and check every current state against it; name the first entry and every state edited outside the product") { _incremental },
            VerifyAsync));
        return history;
    }

    /// <summary>The history subject an id names: entity kinds by prefix, anything else a service.</summary>
    public static string SubjectOf(string id)
    {
        var text = id.Trim().ToLowerInvariant();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? text[..colon] : string.Empty;
        return prefix == "service" || EntityKinds.All.Contains(prefix) ? text : $"service:{EntityRefs.Normalize(text, "component")}";
    }

    private async Task<int> ShowAsync(Invocation run)
    {
        var subject = SubjectOf(run.Get(_subject) ?? string.Empty);
        await using var store = await run.OpenExistingStoreAsync();
        var entries = new List<HistoryEntry>();
        await foreach (var entry in store.ReadHistoryAsync(subject, run.CancellationToken))
        {
            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new CliException(ExitCodes.NotFound, $"no history for '{subject}' in {store.Location}");
        }

        if (run.Json)
        {
            run.WriteJson(entries);
            return ExitCodes.Success;
        }

        var table = Tables.Create("seq", "recorded at (UTC)", "actor", "command", "version", "hash");
        foreach (var entry in entries)
        {
            table.Row(entry.Sequence.ToString(), HistoryEntry.FormatTime(entry.RecordedAt)[..19].Replace('T', ' '), entry.Actor, entry.Command, entry.Version.ToString(), entry.Hash[..12]);
        }

        run.Context.Console.Write(table);
        run.Context.Console.WriteLine($"{entries.Count} entries for {subject}.");
        return ExitCodes.Success;
    }

    private async Task<int> VerifyAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var scope = run.Get(_incremental) ? VerificationScope.Incremental : VerificationScope.Full;
        var verification = await store.VerifyAndRecordHistoryAsync(scope, run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(verification);
        }
        else
        {
            VerificationPrinter.Print(run.Context, verification);
        }

        return verification.IsIntact ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

}
