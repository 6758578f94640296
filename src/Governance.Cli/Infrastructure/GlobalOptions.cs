using System.CommandLine;
using Governance.Storage;

namespace Governance.Cli.Infrastructure;

/// <summary>Options every command accepts: which store, JSON output, and who is acting. One set per command tree.</summary>
public sealed class GlobalOptions
{
    public const string ActorVariable = "GOVERNANCE_ACTOR";

    public const string ServerVariable = "GOVERNANCE_SERVER";

    /// <summary>The API token a command sends to --server (kept out of the command line, and so out of shell history).</summary>
    public const string TokenVariable = "GOVERNANCE_TOKEN";

    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"The store: a SQLite file path, or a PostgreSQL connection string (Host=…). Default: ${StoreDefaults.DatabaseVariable}, else ./{StoreDefaults.DefaultDatabase}",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON for scripts instead of tables",
        Recursive = true,
    };

    public Option<string?> Actor { get; } = new("--actor")
    {
        Description = $"Who is making the change, as the history records it. Default: ${ActorVariable}, else the OS user",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"A Governance server's URL (http://host:8080): waivers, unwaive and import go through its API instead of the store. Default: ${ServerVariable}",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Database, Json, Actor, Server];
}
