using System.Data.Common;
using Governance.Storage;

namespace Governance.Server.Cluster;

/// <summary>The database the silo keeps reminders (and, on PostgreSQL, membership) in: the store's own, through one data source.</summary>
internal sealed class SiloDatabase(StoreAddress address) : IDisposable
{
    /// <summary>The ADO.NET invariant Orleans opens PostgreSQL with.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>The ADO.NET invariant Orleans opens SQLite with; Orleans maps it to Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    // Created on first use, when the silo starts: by then the store has created the file and run the migrations.
    private readonly Lazy<DbDataSource> _dataSource = new(address.CreateDataSource);

    /// <summary>The invariant that names the ADO.NET provider to Orleans.</summary>
    public string Invariant => address.Dialect == StoreAddress.PostgreSql ? NpgsqlInvariant : SqliteInvariant;

    /// <summary>Connections set up as the store's own (on SQLite: waiting for the write lock rather than failing).</summary>
    public DbDataSource DataSource => _dataSource.Value;

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }
    }
}
