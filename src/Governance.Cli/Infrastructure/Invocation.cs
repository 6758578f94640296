using System.CommandLine;
using Governance.Storage;

namespace Governance.Cli.Infrastructure;

/// <summary>One run of one command: its parsed line, where it writes, and the store it names.</summary>
public sealed class Invocation(ParseResult parse, GlobalOptions options, CliContext context, CancellationToken cancellationToken)
{
    public CliContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool Json => parse.GetValue(options.Json);

    /// <summary>Who acts, in order: --actor, GOVERNANCE_ACTOR, user:OS-USER.</summary>
    public string Actor => NonEmpty(parse.GetValue(options.Actor)) ?? NonEmpty(Context.Environment(GlobalOptions.ActorVariable)) ?? $"user:{Environment.UserName}";

    /// <summary>The store, in order: --db, GOVERNANCE_DB, ./governance.db.</summary>
    public string Database => ExplicitDatabase ?? NonEmpty(Context.Environment(StoreDefaults.DatabaseVariable)) ?? StoreDefaults.DefaultDatabase;

    /// <summary>The store named on the command line itself, ignoring the environment and the default.</summary>
    public string? ExplicitDatabase => NonEmpty(parse.GetValue(options.Database));

    /// <summary>
    /// The server a writing command goes through, in order: --server, GOVERNANCE_SERVER; null runs it on the store directly.
    /// </summary>
    public Uri? Server
    {
        get
        {
            var url = NonEmpty(parse.GetValue(options.Server)) ?? NonEmpty(Context.Environment(GlobalOptions.ServerVariable));
            if (url is null)
            {
                return null;
            }

            return Uri.TryCreate(url, UriKind.Absolute, out var server) && server.Scheme is "http" or "https"
                ? server
                : throw new CliException(ExitCodes.Usage, $"--server must be an http:// or https:// URL, was '{url}'");
        }
    }

    /// <summary>The API token for <see cref="Server"/>: the server records its account, not --actor, as who acts.</summary>
    public string ServerToken => NonEmpty(Context.Environment(GlobalOptions.TokenVariable))
        ?? throw new CliException(ExitCodes.Usage, $"--server needs an API token in ${GlobalOptions.TokenVariable} (governance users add NAME --role ROLE --script, on the server's store)");

    public T? Get<T>(Option<T> option) => parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parse.GetValue(argument);

    /// <summary>Opens the store this invocation names, creating and migrating it when needed.</summary>
    public Task<GovernanceStore> OpenStoreAsync() => OpenStoreAsync(Database);

    /// <summary>Opens the store at <paramref name="database"/>, creating and migrating it when needed.</summary>
    public Task<GovernanceStore> OpenStoreAsync(string database) =>
        OpenAsync(database, () => GovernanceStore.OpenAsync(database, Context.Time, CancellationToken));

    /// <summary>Opens the store this invocation names, which must exist: commands that only read never create one.</summary>
    public Task<GovernanceStore> OpenExistingStoreAsync() => OpenExistingStoreAsync(Database);

    /// <summary>Opens the store at <paramref name="database"/>, which must exist.</summary>
    public Task<GovernanceStore> OpenExistingStoreAsync(string database) =>
        OpenAsync(database, () => GovernanceStore.OpenExistingAsync(database, Context.Time, CancellationToken));

    private static async Task<GovernanceStore> OpenAsync(string database, Func<Task<GovernanceStore>> open)
    {
        try
        {
            return await open();
        }
        catch (StoreNotFoundException missing)
        {
            throw new CliException(ExitCodes.StoreUnavailable, missing.Message);
        }
        catch (Exception exception) when (exception is StoreSchemaException or System.Data.Common.DbException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException(ExitCodes.StoreUnavailable, $"cannot open the store '{database}': {exception.Message}");
        }
    }

    /// <summary>Writes <paramref name="value"/> as JSON to standard output.</summary>
    public void WriteJson<T>(T value) => CliJson.Write(Context.Out, value);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
