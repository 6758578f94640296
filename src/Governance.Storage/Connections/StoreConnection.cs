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

    /// <summary>Reads a file path, a SQLite connection string, a PostgreSQL connection string or a postgres:// URL.</summary>
    public static StoreConnection Create(string connection)
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

        return keys.Any(SqliteKeys.Contains) ? ForSqlite(new SqliteConnectionStringBuilder(text)) : ForSqlite(new SqliteConnectionStringBuilder { DataSource = text });
    }

    private static StoreConnection ForPostgreSql(string connectionString)
    {
        var shown = new NpgsqlConnectionStringBuilder(connectionString);
        shown.Remove("Password");
        return new StoreConnection(PostgreSqlDialect.Instance, NpgsqlDataSource.Create(connectionString), shown.ConnectionString);
    }

    private static StoreConnection ForSqlite(SqliteConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("A SQLite connection needs a file: set Data Source.", nameof(builder));
        }

        var path = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
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
