using System.Data.Common;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;
using Governance.Storage.Browsing;
using Governance.Storage.Dialects;
using Governance.Storage.Execution;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>services</c> table: one row per service aggregate, with owner, tier, lifecycle and exposure pulled out for queries,
/// and the indexes written with it: <c>service_apis</c> (the APIs each provides), <c>service_dependencies</c> (the targets
/// each calls), <c>remediation_items</c> and <c>service_waivers</c>.
/// </summary>
internal sealed class ServiceTable : StateTable<ServiceState>
{
    public const string SubjectPrefix = "service:";

    private const string Select = $"SELECT {StateColumns} FROM services";

    private readonly string _selectMany;
    private readonly ServiceApiTable _apis;
    private readonly ServiceDependencyTable _dependencies;

    public ServiceTable(SqlDialect dialect)
        : base(dialect)
    {
        _apis = new ServiceApiTable(dialect);
        _dependencies = new ServiceDependencyTable(dialect);
        StatementParameter[] row =
        [
            Text("id"), Text("name"), Text("kind"), Text("owner"), Int32("tier"), Text("lifecycle"), Text("system"), Text("exposure"),
            Int64("version"), Text("state"), Time("updated_at"),
        ];
        Insert = new Statement(
            """
            INSERT INTO services (id, name, kind, owner, tier, lifecycle, system, exposure, version, state, updated_at)
            VALUES (@id, @name, @kind, @owner, @tier, @lifecycle, @system, @exposure, @version, @state, @updated_at)
            ON CONFLICT (id) DO NOTHING
            """,
            row);
        Update = new Statement(
            """
            UPDATE services
            SET name = @name, kind = @kind, owner = @owner, tier = @tier, lifecycle = @lifecycle, system = @system, exposure = @exposure,
                version = @version, state = @state, updated_at = @updated_at
            WHERE id = @id AND version = @expected_version
            """,
            [.. row, Int64("expected_version")]);
        _selectMany = $"{Select} WHERE {dialect.InList("id", "@ids")}";
    }

    protected override Statement Insert { get; }

    protected override Statement Update { get; }

    public override string Subject(ServiceState state) => state.Subject;

    /// <summary>
    /// Queues the write of a changed service, conditional on its stored version, and of its <c>service_apis</c>,
    /// <c>service_dependencies</c>, <c>remediation_items</c> and <c>service_waivers</c> rows that change with it. Every write of a
    /// service state comes through here.
    /// </summary>
    public async ValueTask WriteAsync(RowWriter writer, Tracked<ServiceState> tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await WriteStateAsync(writer, tracked, now, cancellationToken).ConfigureAwait(false);
        await ServiceApiTable.Rows.WriteAsync(writer, tracked, cancellationToken).ConfigureAwait(false);
        await ServiceDependencyTable.Rows.WriteAsync(writer, tracked, cancellationToken).ConfigureAwait(false);
        await RemediationItemTable.WriteAsync(writer, tracked.Stored, tracked.State!, cancellationToken).ConfigureAwait(false);
        await ServiceWaiverTable.WriteAsync(writer, tracked.Stored, tracked.State!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored states, ordered by id, of the services <paramref name="service"/>'s edges resolve to (see
    /// <see cref="GovernanceStore.GetDependencyTargetsAsync"/>): the API providers first, in one query of the index, then
    /// every target's state in one query of the primary key.
    /// </summary>
    public async Task<List<ServiceState>> ReadDependencyTargetsAsync(DbConnection connection, DbTransaction transaction, ServiceState service, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var apis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in service.Dependencies)
        {
            if (edge.IsApi)
            {
                apis.Add(edge.Target[EntityRefs.ApiPrefix.Length..]);
            }
            else if (edge.Target != service.Id)
            {
                ids.Add(edge.Target);
            }
        }

        if (apis.Count > 0)
        {
            ids.UnionWith(await _apis.ReadProvidersAsync(connection, transaction, apis, service.Id, cancellationToken).ConfigureAwait(false));
        }

        var rows = await ReadManyAsync(connection, transaction, ids, cancellationToken).ConfigureAwait(false);
        return [.. rows.Values.Select(row => row.State).OrderBy(state => state.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How many services call <paramref name="serviceId"/>, and the first <paramref name="limit"/> by id (see
    /// <see cref="GovernanceStore.GetCallersAsync"/>): the callers by edge counted and the first of them found in the edge index,
    /// the callers the service names itself (dependencyOf) without an edge found among the services, then the states of the
    /// callers listed only, in one query of the primary key.
    /// </summary>
    public async Task<CallerPage> ReadCallersAsync(DbConnection connection, DbTransaction transaction, string serviceId, int limit, CancellationToken cancellationToken)
    {
        if (await ReadAsync(connection, transaction, serviceId, cancellationToken).ConfigureAwait(false) is not { State: var callee })
        {
            return new CallerPage([], 0);
        }

        string[] targets = [callee.Id, .. callee.Profile.ProvidesApis.Select(api => EntityRefs.ApiPrefix + api)];
        var (byEdge, byEdgeTotal) = await _dependencies.ReadCallersAsync(connection, transaction, targets, callee.Id, limit, cancellationToken).ConfigureAwait(false);
        var declared = callee.Profile.DependencyOf;
        List<string> declaredOnly = declared.Count == 0
            ? []
            : await _dependencies.ReadDeclaredOnlyAsync(connection, transaction, targets, callee.Id, declared, cancellationToken).ConfigureAwait(false);

        // The first by id of both sets: the edge index gave its first `limit`, so no caller beyond them can be among the page.
        var listed = byEdge.Concat(declaredOnly).Order(StringComparer.Ordinal).Take(limit).ToList();
        var rows = await ReadManyAsync(connection, transaction, listed, cancellationToken).ConfigureAwait(false);

        // A caller the index found calls by its own edge; one the service names (dependencyOf) without one calls by a default edge.
        return new CallerPage(
            [
                .. listed
                    .Where(rows.ContainsKey)
                    .Select(id => rows[id].State)
                    .Select(caller => new ServiceCaller(caller.Id, caller.Profile.Name, caller.Profile.Owner, caller.Profile.Tier, caller.EdgeTo(callee) ?? new Dependency(callee.Id))),
            ],
            byEdgeTotal + declaredOnly.Count);
    }

    /// <summary>
    /// The waivers that match <paramref name="query"/>, with their service's profile, ordered by service id then trait (see
    /// <see cref="GovernanceStore.ListWaiversAsync"/>): their keys from the waiver index, then the states of their services in one
    /// query of the primary key.
    /// </summary>
    public async Task<List<ServiceWaiver>> ReadWaiversAsync(DbConnection connection, DbTransaction transaction, WaiverQuery query, CancellationToken cancellationToken)
    {
        var keys = await ServiceWaiverTable.ReadKeysAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var rows = await ReadManyAsync(connection, transaction, [.. keys.Select(key => key.ServiceId).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var waivers = new List<ServiceWaiver>(keys.Count);
        foreach (var (serviceId, traitId) in keys)
        {
            var state = rows[serviceId].State;
            waivers.Add(new ServiceWaiver(state.Profile, state.Waivers.First(waiver => waiver.TraitId == traitId)));
        }

        return waivers;
    }

    public async Task<Versioned<ServiceState>?> ReadAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, $"{Select} WHERE id = @id").AddParameter("id", id);
        return (await QueryAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The stored states of <paramref name="ids"/>, by id, in one query.</summary>
    public async Task<Dictionary<string, Versioned<ServiceState>>> ReadManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand(transaction, _selectMany).AddParameter("ids", Dialect.ListValue(ids));
        var rows = await QueryAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(row => row.State.Id, StringComparer.Ordinal);
    }

    public async Task<List<Versioned<ServiceState>>> ListAsync(DbConnection connection, ServiceQuery query, CancellationToken cancellationToken)
    {
        // Only fixed fragments are joined; every value is a parameter.
        var conditions = new List<string>(2);
        await using var command = connection.CreateCommand(null, string.Empty);
        if (query.Owner is { } owner)
        {
            conditions.Add("owner = @owner");
            command.AddParameter("owner", owner, System.Data.DbType.String);
        }

        if (query.Tier is { } tier)
        {
            conditions.Add("tier = @tier");
            command.AddParameter("tier", tier, System.Data.DbType.Int32);
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"{Select}{where} ORDER BY id";
        return await QueryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<long> ReadVersionAsync(DbConnection connection, string subject, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT version FROM services WHERE id = @id")
            .AddParameter("id", subject[SubjectPrefix.Length..]);
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> CountAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT COUNT(*) FROM services");
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many services there are of each tier and exposure, from the covering index; unordered.</summary>
    public static async Task<List<TierExposureCount>> CountByTierAndExposureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT tier, exposure, COUNT(*) FROM services GROUP BY tier, exposure");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<TierExposureCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var exposure = ColumnText.ParseExposure(reader.IsDBNull(1) ? null : reader.GetString(1));
            counts.Add(new TierExposureCount(reader.IsDBNull(0) ? null : reader.GetInt32(0), exposure, checked((int)reader.GetInt64(2))));
        }

        return counts;
    }

    public override ServiceState Parse(ReadOnlySpan<byte> utf8Json) => DomainJson.ReadServiceState(utf8Json);

    protected override object?[] RowValues(ServiceState state, long version, string json, object updatedAt)
    {
        var profile = state.Profile;
        return [profile.Id, profile.Name, profile.Kind, profile.Owner, profile.Tier, profile.Lifecycle, profile.System, ColumnText.Exposure(state.Footprint), version, json, updatedAt];
    }
}
