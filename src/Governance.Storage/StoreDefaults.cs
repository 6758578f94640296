namespace Governance.Storage;

/// <summary>Where the command line and the server find the store when they are not told.</summary>
public static class StoreDefaults
{
    /// <summary>The environment variable that names the store: a SQLite file, a PostgreSQL connection string or URL.</summary>
    public const string DatabaseVariable = "GOVERNANCE_DB";

    /// <summary>The SQLite file used when neither an option nor <see cref="DatabaseVariable"/> names one.</summary>
    public const string DefaultDatabase = "governance.db";
}
