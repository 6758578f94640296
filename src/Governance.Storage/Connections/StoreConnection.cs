using System.Data.Common;
using Governance.Storage.Dialects;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Storage.Connections;

/// <summary>Where a store lives: its dialect, its data source and a printable location without secrets.</summary>
internal sealed record StoreConnection(SqlDialect Dialect, DbDataSource DataSource, string Location)
{
    private static readonly string[] PostgreSqlKeys = ["host", "server"];
    private static readonly string[] SqliteKeys = ["data source", "datasource", "filename"];

    /// <summary>
    /// Reads a file path, a SQLite connection string, a PostgreSQL connection string or a postgres:// URL. Unless
    /// <paramref name="createMissing"/>, a SQLite file that does not exist is a <see cref="StoreNotFoundException"/>.
    /// </summary>
    public static StoreConnection Create(string connection, bool createMissing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var text = connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ForPostgreSql(PostgresUrl.ToConnectionString(text));
        }

        var keys = TryParseKeys(text);
        if (keys.Any(PostgreSqlKeys.Contains))
        {
            return ForPostgreSql(text);
        }

        var builder = keys.Any(SqliteKeys.Contains) ? new SqliteConnectionStringBuilder(text) : new SqliteConnectionStringBuilder { DataSource = text };
        return ForSqlite(builder, createMissing);
    }

    private static StoreConnection ForPostgreSql(string connectionString)
    {
        var shown = new NpgsqlConnectionStringBuilder(connectionString);
        shown.Remove("Password");
        return new StoreConnection(PostgreSqlDialect.Instance, NpgsqlDataSource.Create(connectionString), shown.ConnectionString);
    }

    private static StoreConnection ForSqlite(SqliteConnectionStringBuilder builder, bool createMissing)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("A SQLite connection needs a file: set Data Source.", nameof(builder));
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (createMissing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        else if (!File.Exists(path))
        {
            throw new StoreNotFoundException(path);
        }

        builder.DataSource = path;

        // Without create, SQLite itself refuses to make the file should it vanish after the check.
        builder.Mode = createMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite;
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 120);
        return new StoreConnection(SqliteDialect.Instance, new SqliteDataSource(builder.ToString()), path);
    }

    // A file path may contain '=' or ';'; only text that parses and names a known key is a connection string.
    private static string[] TryParseKeys(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = text };
            return [.. builder.Keys.Cast<string>().Select(key => key.ToLowerInvariant())];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
