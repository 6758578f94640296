using System.CommandLine;

namespace Governance.Cli.Infrastructure;

/// <summary>Options every command accepts: which store, JSON output, and who is acting.</summary>
public static class GlobalOptions
{
    public const string DatabaseVariable = "GOVERNANCE_DB";
    public const string ActorVariable = "GOVERNANCE_ACTOR";
    public const string DefaultDatabase = "governance.db";

    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The store: a SQLite file path, or a PostgreSQL connection string (Host=…). Default: ${DatabaseVariable}, else ./{DefaultDatabase}",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON for scripts instead of tables",
        Recursive = true,
    };

    public static readonly Option<string?> Actor = new("--actor")
    {
        Description = $"Who is making the change, as the history records it. Default: ${ActorVariable}, else the OS user",
        Recursive = true,
    };

    /// <summary>The store the command line names, in order: --db, GOVERNANCE_DB, ./governance.db.</summary>
    public static string ResolveDatabase(ParseResult parse, CliContext context) =>
        NonEmpty(parse.GetValue(Database)) ?? NonEmpty(context.Environment(DatabaseVariable)) ?? DefaultDatabase;

    /// <summary>The actor the command line names, in order: --actor, GOVERNANCE_ACTOR, user:OS-USER.</summary>
    public static string ResolveActor(ParseResult parse, CliContext context) =>
        NonEmpty(parse.GetValue(Actor)) ?? NonEmpty(context.Environment(ActorVariable)) ?? $"user:{System.Environment.UserName}";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
