using System.ComponentModel.DataAnnotations;

namespace Governance.Server.Hosting;

/// <summary>The <c>Governance</c> configuration section: which store the server uses.</summary>
public sealed class StoreOptions
{
    public const string Section = "Governance";

    /// <summary>A SQLite file path or a PostgreSQL connection string; GOVERNANCE_DB when the section leaves it out.</summary>
    [Required]
    public string Database { get; set; } = string.Empty;
}
