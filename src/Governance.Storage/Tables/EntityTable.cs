using System.Data.Common;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;
using Governance.Storage.Dialects;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>The <c>catalog_entities</c> table: groups, users, systems, domains and APIs, keyed by kind and id.</summary>
internal sealed class EntityTable : StateTable<CatalogEntity>
{
    private const string Select = $"SELECT {StateColumns} FROM catalog_entities";

    private readonly string _selectMany;

    public EntityTable(SqlDialect dialect)
        : base(dialect)
    {
        StatementParameter[] row = [Text("kind"), Text("id"), Text("name"), Int64("version"), Text("state"), Time("updated_at")];
        Insert = new Statement(
            """
            INSERT INTO catalog_entities (kind, id, name, version, state, updated_at)
            VALUES (@kind, @id, @name, @version, @state, @updated_at)
            ON CONFLICT (kind, id) DO NOTHING
            """,
            row);
        Update = new Statement(
            """
            UPDATE catalog_entities
            SET name = @name, version = @version, state = @state, updated_at = @updated_at
            WHERE kind = @kind AND id = @id AND version = @expected_version
            """,
            [.. row, Int64("expected_version")]);
        _selectMany = $"{Select} WHERE {dialect.InList("kind || ':' || id", "@subjects")}";
    }

    protected override Statement Insert { get; }

    protected override Statement Update { get; }

    public override string Subject(CatalogEntity state) => state.Subject;

    public async Task<Versioned<CatalogEntity>?> ReadAsync(DbConnection connection, DbTransaction? transaction, string kind, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, $"{Select} WHERE kind = @kind AND id = @id")
            .AddParameter("kind", kind)
            .AddParameter("id", id);
        return (await QueryAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The stored states of <paramref name="subjects"/> (<c>kind:id</c>), by subject, in one query.</summary>
    public async Task<Dictionary<string, Versioned<CatalogEntity>>> ReadManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand(transaction, _selectMany).AddParameter("subjects", Dialect.ListValue(subjects));
        var rows = await QueryAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(row => row.State.Subject, StringComparer.Ordinal);
    }

    public async Task<List<Versioned<CatalogEntity>>> ListAsync(DbConnection connection, string? kind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, kind is null
            ? $"{Select} ORDER BY kind, id"
            : $"{Select} WHERE kind = @kind ORDER BY kind, id");
        if (kind is not null)
        {
            command.AddParameter("kind", kind);
        }

        return await QueryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<long> ReadVersionAsync(DbConnection connection, string subject, CancellationToken cancellationToken)
    {
        // Kinds never contain ':', ids may: the first ':' ends the kind.
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        await using var command = connection.CreateCommand(null, "SELECT version FROM catalog_entities WHERE kind = @kind AND id = @id")
            .AddParameter("kind", subject[..colon])
            .AddParameter("id", subject[(colon + 1)..]);
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Dictionary<string, long>> CountByKindAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT kind, COUNT(*) FROM catalog_entities GROUP BY kind ORDER BY kind");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return counts;
    }

    public override CatalogEntity Parse(ReadOnlySpan<byte> utf8Json) => DomainJson.ReadCatalogEntity(utf8Json);

    protected override object?[] RowValues(CatalogEntity state, long version, string json, object updatedAt) =>
        [state.Kind, state.Id, state.Name, version, json, updatedAt];
}
