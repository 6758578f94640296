using Governance.Storage.Execution;
using Governance.Storage.Tables;

namespace Governance.Storage.Accounts;

/// <summary>The server's data-protection keys (<see cref="GovernanceStore.KeyRing"/>), as the XML the framework hands over.</summary>
public sealed class KeyRingStore
{
    private readonly StoreContext _context;

    internal KeyRingStore(StoreContext context) => _context = context;

    /// <summary>Every key's XML, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(null, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Keeps a key; a name kept before keeps its first XML (keys are never changed, only added).</summary>
    public async Task AddAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        var dialect = _context.Dialect;
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = write.Connection.CreateCommand(write.Transaction, """
            INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @created_at)
            ON CONFLICT (name) DO NOTHING
            """)
            .AddParameter("name", name)
            .AddParameter("xml", xml)
            .AddParameter("created_at", dialect.TimeValue(_context.TimeProvider.GetUtcNow()), dialect.TimeType);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
