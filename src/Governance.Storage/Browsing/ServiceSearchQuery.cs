using System.Data;
using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Browsing;

/// <summary>
/// The SQL of one <see cref="ServiceSearch"/>: the page's ids from indexes (joining the latest run's risks only when the filter
/// or the order needs them), then the page's rows, and the count, in one snapshot. Only fixed fragments are joined; every value is a parameter.
/// </summary>
internal sealed class ServiceSearchQuery
{
    private const string RiskJoin = " LEFT JOIN audit_scores AS r ON r.run_id = @run_id AND r.service_id = s.id";

    // SQLite keeps the left table of a CROSS JOIN as the outer loop (PostgreSQL plans it as any inner join): the services that
    // pass the other filters are probed for their score, rather than every service at the level for its wide row (94 ms
    // against 26 for tier 1, production and high at 100,000 services).
    private const string FilteredServicesFirst = " CROSS JOIN audit_scores AS r";

    private readonly SqlDialect _dialect;
    private readonly ServiceSearch _search;
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object? Value, DbType Type)> _parameters = [];
    private string _scores = string.Empty; // how the count and the page's ids reach the run's scores, when a filter needs them

    public ServiceSearchQuery(SqlDialect dialect, ServiceSearch search)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(search.Page, 1, nameof(search.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1, nameof(search.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(search.PageSize, ServiceSearch.MaxPageSize, nameof(search.PageSize));
        _dialect = dialect;
        _search = search;
        AddFilters();
    }

    public async Task<ServiceSearchPage> RunAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await _dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var latest = connection.CreateCommand(transaction, "SELECT MAX(id) FROM audit_runs WHERE status = 'succeeded'");
        var runId = await latest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id ? id : (long?)null;
        var services = await ReadPageAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        return new ServiceSearchPage(services, total, _search.Page, _search.PageSize, runId);
    }

    private string Order => _search.Sort switch
    {
        ServiceSort.Name => "s.name, s.id",
        ServiceSort.Tier => "s.tier NULLS LAST, s.id",
        ServiceSort.Risk => "COALESCE(r.score, 0) DESC, s.id",
        _ => "s.id",
    };

    private string Where => _conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _conditions);

    private void AddFilters()
    {
        if (!string.IsNullOrWhiteSpace(_search.Text))
        {
            // Ids are lower-case already; the pattern is made lower-case.
            _conditions.Add($@"(s.id LIKE @text ESCAPE '\' OR s.name {_dialect.LikeIgnoringCase} @text ESCAPE '\')");
            _parameters.Add(("text", $"%{EscapeLike(_search.Text.Trim().ToLowerInvariant())}%", DbType.String));
        }

        Equal("s.owner", "team", _search.Team, DbType.String);
        Equal("s.tier", "tier", _search.Tier, DbType.Int32);
        Equal("s.lifecycle", "lifecycle", _search.Lifecycle, DbType.String);
        if (_search.Level is { } level)
        {
            // A service the run did not audit has no score, and so no level: not even none.
            if (_conditions.Count > 0)
            {
                _scores = FilteredServicesFirst;
                _conditions.Add("r.run_id = @run_id AND r.service_id = s.id");
            }
            else
            {
                _scores = RiskJoin;
            }

            var (lowest, highest) = RiskProfile.ScoresOf(level);
            _conditions.Add("r.score BETWEEN @lowest_score AND @highest_score");
            _parameters.Add(("lowest_score", lowest, DbType.Int32));
            _parameters.Add(("highest_score", highest, DbType.Int32));
        }
    }

    private void Equal(string column, string parameter, object? value, DbType type)
    {
        if (value is not null)
        {
            _conditions.Add($"{column} = @{parameter}");
            _parameters.Add((parameter, value, type));
        }
    }

    private async Task<List<ServiceListing>> ReadPageAsync(DbConnection connection, DbTransaction transaction, long? runId, CancellationToken cancellationToken)
    {
        // The page's ids first: the rows' other columns and open items are read for those ids only.
        var pageJoin = _scores.Length == 0 && _search.Sort == ServiceSort.Risk ? RiskJoin : _scores;
        var sql = $"""
            SELECT s.id, s.name, s.owner, s.tier, s.lifecycle, s.exposure, r.score,
                   (SELECT COUNT(*) FROM remediation_items AS i WHERE i.service_id = s.id AND {RemediationItemTable.IsOutstanding("i")})
            FROM (SELECT s.id FROM services AS s{pageJoin}{Where} ORDER BY {Order} LIMIT @limit OFFSET @offset) AS page
            JOIN services AS s ON s.id = page.id{RiskJoin}
            ORDER BY {Order}
            """;
        await using var command = Command(connection, transaction, sql, runId)
            .AddParameter("limit", _search.PageSize, DbType.Int32)
            .AddParameter("offset", (long)(_search.Page - 1) * _search.PageSize, DbType.Int64);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var services = new List<ServiceListing>(_search.PageSize);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            services.Add(Listing(reader));
        }

        return services;
    }

    private async Task<int> CountAsync(DbConnection connection, DbTransaction transaction, long? runId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT COUNT(*) FROM services AS s{_scores}{Where}", runId);
        return checked((int)await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false));
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, long? runId)
    {
        var command = connection.CreateCommand(transaction, sql).AddParameter("run_id", runId, DbType.Int64);
        foreach (var (name, value, type) in _parameters)
        {
            command.AddParameter(name, value, type);
        }

        return command;
    }

    private static ServiceListing Listing(DbDataReader reader)
    {
        var risk = reader.IsDBNull(6) ? null : new RunRisk(reader.GetInt32(6), RiskProfile.LevelOf(reader.GetInt32(6)));
        return new ServiceListing(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            ColumnText.ParseExposure(reader.IsDBNull(5) ? null : reader.GetString(5)),
            risk,
            checked((int)reader.GetInt64(7)));
    }

    private static string EscapeLike(string text) => text
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);
}
