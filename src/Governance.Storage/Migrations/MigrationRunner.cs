using System.Data.Common;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Migrations;

/// <summary>Brings a database to the newest schema, in one transaction that every other opener waits for.</summary>
internal static class MigrationRunner
{
    public static async Task ApplyAsync(DbDataSource dataSource, SqlDialect dialect, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var migrations = Migration.Load(dialect.Name);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await dialect.PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.CreateMigrationsTableSql, cancellationToken).ConfigureAwait(false);

        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var newest = migrations[^1].Version;
        if (applied.Keys.Any(version => version > newest))
        {
            throw new StoreSchemaException($"The database has schema version {applied.Keys.Max()}, newer than this build knows ({newest}); use a newer build.");
        }

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new StoreSchemaException($"Migration {migration.Name} was changed after it was applied (checksum {checksum} in the database, {migration.Checksum} in this build).");
                }

                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Script, cancellationToken).ConfigureAwait(false);
            await RecordAsync(connection, transaction, dialect, migration, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT version, checksum FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return applied;
    }

    private static async Task RecordAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, Migration migration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, """
            INSERT INTO schema_migrations (version, name, checksum, applied_at)
            VALUES (@version, @name, @checksum, @applied_at)
            """)
            .AddParameter("version", migration.Version)
            .AddParameter("name", migration.Name)
            .AddParameter("checksum", migration.Checksum)
            .AddParameter("applied_at", dialect.TimeValue(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
