namespace Governance.Storage.Tests.Support;

/// <summary>A fresh, empty database of one dialect, and raw access to it that bypasses the store (as an attacker would).</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>What <see cref="GovernanceStore.OpenAsync"/> is given.</summary>
    string ConnectionString { get; }

    string Dialect { get; }

    /// <summary>Drops the triggers that refuse UPDATE and DELETE on history.</summary>
    string DropHistoryGuardsSql { get; }

    /// <summary>Adds a trigger that silently skips every update of history_head, so that the head never moves.</summary>
    string FreezeHistoryHeadSql { get; }

    /// <summary>Updates the history head in a write transaction left open, holding the head as a writer mid-append does.</summary>
    Task<HeldTransaction> HoldHistoryHeadAsync();

    Task<int> ExecuteAsync(string sql);

    Task<object?> ScalarAsync(string sql);
}
