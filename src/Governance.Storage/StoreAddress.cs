using System.Data.Common;
using Governance.Storage.Connections;
using Npgsql;

namespace Governance.Storage;

/// <summary>
/// Where a store lives, resolved the way <see cref="GovernanceStore.OpenAsync"/> resolves it: its dialect ("sqlite" or
/// "postgresql") and the ADO.NET connection string it opens. For components that share the store's database, such as the
/// scheduler's job store.
/// </summary>
public sealed record StoreAddress(string Dialect, string ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    /// <summary>Resolves a file path, a SQLite connection string, a PostgreSQL connection string or a postgres:// URL.</summary>
    public static StoreAddress Resolve(string connection) => StoreConnection.Resolve(connection);

    /// <summary>
    /// A data source over this database whose connections are set up as the store's own (on SQLite: waiting for the
    /// write lock instead of failing with "database is locked"). The caller owns and disposes it.
    /// </summary>
    public DbDataSource CreateDataSource() =>
        Dialect == PostgreSql ? NpgsqlDataSource.Create(ConnectionString) : new SqliteDataSource(ConnectionString);
}
