using System.Data.Common;
using Governance.Domain.Identity;
using Governance.Storage.Execution;
using Governance.Storage.Tables;

namespace Governance.Storage.Accounts;

/// <summary>
/// The local accounts and API tokens (<see cref="GovernanceStore.Accounts"/>). It keeps what it is given: hashing secrets
/// and deciding lockouts are the identity use cases' work.
/// </summary>
public sealed class AccountStore
{
    private const string Columns = "name, roles, team, tier, password_hash, failed_sign_ins, locked_until, created_at, disabled_at, sessions_ended_at";

    private readonly StoreContext _context;

    internal AccountStore(StoreContext context) => _context = context;

    /// <summary>Adds <paramref name="account"/> with its first token (when given), in one transaction; false, adding nothing, when the name is taken.</summary>
    public async Task<bool> AddAsync(StoredAccount account, StoredToken? token = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var dialect = _context.Dialect;
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = write.Connection.CreateCommand(write.Transaction, $"""
            INSERT INTO accounts ({Columns})
            VALUES (@name, @roles, @team, @tier, @password_hash, 0, NULL, @created_at, NULL, NULL)
            ON CONFLICT (name) DO NOTHING
            """))
        {
            insert.AddParameter("name", account.Account.Name)
                .AddParameter("roles", RoleNames.Format(account.Account.Roles))
                .AddParameter("team", account.Account.Team)
                .AddParameter("tier", account.Account.Tier)
                .AddParameter("password_hash", account.PasswordHash)
                .AddParameter("created_at", dialect.TimeValue(account.CreatedAt), dialect.TimeType);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        if (token is not null)
        {
            await InsertTokenAsync(write, token, cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds a token to an existing account; false when there is no such account.</summary>
    public async Task<bool> AddTokenAsync(StoredToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(write.Connection, write.Transaction, token.AccountName, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await InsertTokenAsync(write, token, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The account named <paramref name="name"/>, or null.</summary>
    public async Task<StoredAccount?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<StoredAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(null, $"SELECT {Columns} FROM accounts ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<StoredAccount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    /// <summary>The token with id <paramref name="id"/>, or null.</summary>
    public async Task<StoredToken?> FindTokenAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(null, "SELECT id, account, secret_hash, created_at, expires_at FROM api_tokens WHERE id = @id")
            .AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredToken(reader.GetString(0), reader.GetString(1), reader.GetString(2), _context.Dialect.ReadTime(reader, 3), _context.Dialect.ReadTime(reader, 4))
            : null;
    }

    /// <summary>
    /// Counts a failed sign-in in one statement, so that concurrent guesses all count: the <paramref name="limit"/>th failure in
    /// a row locks the account until <paramref name="lockedUntil"/> and starts the count again. Returns the account as it now is.
    /// </summary>
    public async Task<StoredAccount?> RecordFailedSignInAsync(string name, int limit, DateTimeOffset lockedUntil, CancellationToken cancellationToken = default)
    {
        var dialect = _context.Dialect;
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = write.Connection.CreateCommand(write.Transaction, """
            UPDATE accounts
            SET locked_until = CASE WHEN failed_sign_ins + 1 >= @limit THEN @locked_until ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @limit THEN 0 ELSE failed_sign_ins + 1 END
            WHERE name = @name
            """))
        {
            update.AddParameter("name", name).AddParameter("limit", limit).AddParameter("locked_until", dialect.TimeValue(lockedUntil), dialect.TimeType);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var account = await FindAsync(write.Connection, write.Transaction, name, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return account;
    }

    /// <summary>A successful sign-in clears the count of failures before it.</summary>
    public async Task RecordSignInAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var update = write.Connection.CreateCommand(write.Transaction, "UPDATE accounts SET failed_sign_ins = 0 WHERE name = @name AND failed_sign_ins <> 0")
            .AddParameter("name", name);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the account's lockout and the count of failures before it; false when there is no such account.</summary>
    public Task<bool> UnlockAsync(string name, CancellationToken cancellationToken = default) =>
        UpdateAsync("UPDATE accounts SET locked_until = NULL, failed_sign_ins = 0 WHERE name = @name", name, null, cancellationToken);

    /// <summary>
    /// Replaces a person's password hash, ends any lockout and the sessions begun before <paramref name="at"/>; false when
    /// there is no such account or it is a script's (which has no password to replace).
    /// </summary>
    public Task<bool> SetPasswordAsync(string name, string passwordHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var dialect = _context.Dialect;
        return UpdateAsync(
            """
            UPDATE accounts SET password_hash = @password_hash, locked_until = NULL, failed_sign_ins = 0, sessions_ended_at = @at
            WHERE name = @name AND password_hash IS NOT NULL
            """,
            name,
            command => command.AddParameter("password_hash", passwordHash).AddParameter("at", dialect.TimeValue(at), dialect.TimeType),
            cancellationToken);
    }

    /// <summary>Ends the sessions begun before <paramref name="at"/>; false when there is no such account.</summary>
    public Task<bool> EndSessionsAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var dialect = _context.Dialect;
        return UpdateAsync("UPDATE accounts SET sessions_ended_at = @at WHERE name = @name", name,
            command => command.AddParameter("at", dialect.TimeValue(at), dialect.TimeType), cancellationToken);
    }

    /// <summary>
    /// Disables the account as of <paramref name="at"/> (an account disabled already keeps its first time), or enables it
    /// again when <paramref name="at"/> is null; false when there is no such account.
    /// </summary>
    public Task<bool> SetDisabledAsync(string name, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        var dialect = _context.Dialect;
        return at is { } time
            ? UpdateAsync("UPDATE accounts SET disabled_at = COALESCE(disabled_at, @at) WHERE name = @name", name,
                command => command.AddParameter("at", dialect.TimeValue(time), dialect.TimeType), cancellationToken)
            : UpdateAsync("UPDATE accounts SET disabled_at = NULL WHERE name = @name", name, null, cancellationToken);
    }

    /// <summary>When each account's newest-lasting API token expires, for the accounts that have one.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestTokenExpiriesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(null, "SELECT account, expires_at FROM api_tokens");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Compared here rather than with MAX(): SQLite keeps times as text, PostgreSQL as timestamps.
            var expires = _context.Dialect.ReadTime(reader, 1);
            var account = reader.GetString(0);
            if (!latest.TryGetValue(account, out var known) || expires > known)
            {
                latest[account] = expires;
            }
        }

        return latest;
    }

    private async Task<bool> UpdateAsync(string sql, string name, Action<DbCommand>? parameters, CancellationToken cancellationToken)
    {
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var update = write.Connection.CreateCommand(write.Transaction, sql).AddParameter("name", name))
        {
            parameters?.Invoke(update);
            changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    private async Task<StoredAccount?> FindAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, $"SELECT {Columns} FROM accounts WHERE name = @name").AddParameter("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    private StoredAccount ReadAccount(DbDataReader reader)
    {
        var account = new Account(
            reader.GetString(0),
            RoleNames.Parse(reader.GetString(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        return new StoredAccount(
            account,
            reader.IsDBNull(4) ? null : reader.GetString(4),
            Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
            reader.IsDBNull(6) ? null : _context.Dialect.ReadTime(reader, 6),
            _context.Dialect.ReadTime(reader, 7))
        {
            DisabledAt = reader.IsDBNull(8) ? null : _context.Dialect.ReadTime(reader, 8),
            SessionsEndedAt = reader.IsDBNull(9) ? null : _context.Dialect.ReadTime(reader, 9),
        };
    }

    private async Task InsertTokenAsync(WriteTransaction write, StoredToken token, CancellationToken cancellationToken)
    {
        var dialect = _context.Dialect;
        await using var insert = write.Connection.CreateCommand(write.Transaction, """
            INSERT INTO api_tokens (id, account, secret_hash, created_at, expires_at)
            VALUES (@id, @account, @secret_hash, @created_at, @expires_at)
            """);
        insert.AddParameter("id", token.Id)
            .AddParameter("account", token.AccountName)
            .AddParameter("secret_hash", token.SecretHash)
            .AddParameter("created_at", dialect.TimeValue(token.CreatedAt), dialect.TimeType)
            .AddParameter("expires_at", dialect.TimeValue(token.ExpiresAt), dialect.TimeType);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
