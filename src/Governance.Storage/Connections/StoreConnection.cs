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
        var address = Resolve(connection);
        if (address.Dialect == StoreAddress.PostgreSql)
        {
            var shown = new NpgsqlConnectionStringBuilder(address.ConnectionString);
            shown.Remove("Password");
            return new StoreConnection(PostgreSqlDialect.Instance, NpgsqlDataSource.Create(address.ConnectionString), shown.ConnectionString);
        }

        var builder = new SqliteConnectionStringBuilder(address.ConnectionString);
        var path = builder.DataSource;
        if (createMissing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        else if (!File.Exists(path))
        {
            throw new StoreNotFoundException(path);
        }

        // Without create, SQLite itself refuses to make the file should it vanish after the check.
        builder.Mode = createMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite;
        return new StoreConnection(SqliteDialect.Instance, new SqliteDataSource(builder.ToString()), path);
    }

    /// <summary>The dialect and the connection string <paramref name="connection"/> names, without opening anything.</summary>
    public static StoreAddress Resolve(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var text = connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreAddress(StoreAddress.PostgreSql, PostgresUrl.ToConnectionString(text));
        }

        var keys = TryParseKeys(text);
        if (keys.Any(PostgreSqlKeys.Contains))
        {
            return new StoreAddress(StoreAddress.PostgreSql, text);
        }

        return ForSqlite(keys.Any(SqliteKeys.Contains) ? new SqliteConnectionStringBuilder(text) : new SqliteConnectionStringBuilder { DataSource = text });
    }

    private static StoreAddress ForSqlite(SqliteConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("A SQLite connection needs a file: set Data Source.", nameof(builder));
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 120);
        return new StoreAddress(StoreAddress.Sqlite, builder.ToString());
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
