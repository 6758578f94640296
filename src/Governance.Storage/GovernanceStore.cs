using System.Runtime.CompilerServices;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Domain.Policies;
using Governance.Storage.Accounts;
using Governance.Storage.Audits;
using Governance.Storage.Browsing;
using Governance.Storage.Connections;
using Governance.Storage.Execution;
using Governance.Storage.Exports;
using Governance.Storage.Idempotency;
using Governance.Storage.Migrations;
using Governance.Storage.Tables;
using Governance.Storage.Verification;

namespace Governance.Storage;

/// <summary>
/// The storage of Governance: current aggregate states with versions, and the hash-chained history of every accepted
/// command, in SQLite (a file) or PostgreSQL. Safe to use from many tasks, store instances and processes at once.
/// </summary>
public sealed class GovernanceStore : IAsyncDisposable
{
    private readonly StoreContext _context;
    private readonly CommandRunner _commands;
    private readonly BatchRunner _batches;
    private readonly StoreVerifier _verifier;

    private GovernanceStore(StoreConnection connection, TimeProvider timeProvider)
    {
        _context = new StoreContext(connection.DataSource, connection.Dialect, timeProvider);
        _commands = new CommandRunner(_context);
        _batches = new BatchRunner(_context);
        _verifier = new StoreVerifier(_context);
        Audits = new AuditRunStore(_context);
        Idempotency = new IdempotencyStore(_context);
        Accounts = new AccountStore(_context);
        KeyRing = new KeyRingStore(_context);
        Dialect = connection.Dialect.Name;
        Location = connection.Location;
    }

    /// <summary>"sqlite" or "postgresql".</summary>
    public string Dialect { get; }

    /// <summary>The database file, or the PostgreSQL connection string without its password.</summary>
    public string Location { get; }

    /// <summary>The fleet audit runs and their results.</summary>
    public AuditRunStore Audits { get; }

    /// <summary>The write API's idempotency keys and the responses they replay.</summary>
    public IdempotencyStore Idempotency { get; }

    /// <summary>The server's local accounts and API tokens.</summary>
    public AccountStore Accounts { get; }

    /// <summary>The server's data-protection keys, shared by every node.</summary>
    public KeyRingStore KeyRing { get; }

    /// <summary>
    /// Opens a store and brings its schema up to date. <paramref name="connection"/> is a file path or a
    /// <c>Data Source=…</c> string (SQLite; the file is created when missing), or a <c>Host=…</c> string or a
    /// <c>postgres://</c> / <c>postgresql://</c> URL (PostgreSQL).
    /// </summary>
    /// <exception cref="StoreSchemaException">The database's schema is newer than this build, or an applied migration was changed.</exception>
    public static async Task<GovernanceStore> OpenAsync(string connection, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return await MigrateAndOpenAsync(StoreConnection.Create(connection, createMissing: true), timeProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a store that must already exist, for read-only use: a missing SQLite file is a
    /// <see cref="StoreNotFoundException"/>, and neither it nor its folder is created. PostgreSQL opens as with <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="StoreNotFoundException">The SQLite file does not exist.</exception>
    /// <exception cref="StoreSchemaException">The database's schema is newer than this build, or an applied migration was changed.</exception>
    public static async Task<GovernanceStore> OpenExistingAsync(string connection, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return await MigrateAndOpenAsync(StoreConnection.Create(connection, createMissing: false), timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<GovernanceStore> MigrateAndOpenAsync(StoreConnection target, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            await MigrationRunner.ApplyAsync(target.DataSource, target.Dialect, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await target.DataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new GovernanceStore(target, timeProvider);
    }

    /// <summary>
    /// Reads service <paramref name="serviceId"/>, decides <paramref name="command"/> with the domain's rules (waivers are
    /// checked against <paramref name="policies"/>) and persists the outcome, in one transaction. Without
    /// <paramref name="expectedVersion"/> a concurrent change makes the command run again on fresh state; with it, a stored
    /// version that differs is a <see cref="ConcurrencyConflictException"/> at once. The embedded CLI's path.
    /// </summary>
    public Task<CommandResult<ServiceState>> ExecuteAsync(string serviceId, ServiceCommand command, string actor, long? expectedVersion = null, PolicySet? policies = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var decision = new CommandContext(actor, default) { Policies = policies };
        return _commands.ExecuteAsync(Aggregates.Service, ServiceAddress(serviceId), command, decision, expectedVersion, cancellationToken);
    }

    /// <summary>Applies one command to catalog entity <paramref name="kind"/>:<paramref name="id"/>; versions work as for services.</summary>
    public Task<CommandResult<CatalogEntity>> ExecuteAsync(string kind, string id, EntityCommand command, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        return _commands.ExecuteAsync(Aggregates.Entity, EntityAddress(kind, id), command, new CommandContext(actor, default), expectedVersion, cancellationToken);
    }

    /// <summary>
    /// The store's entry point for a state decided elsewhere (a grain deciding on its cached state): writes
    /// <paramref name="state"/>, decided on <paramref name="decidedOn"/> (null: the service did not exist), at the next
    /// version with the history entry of <paramref name="command"/> by <paramref name="actor"/>, in one transaction, only
    /// where the stored version is still the one decided on. A storage failure throws with nothing written; it is never retried here.
    /// </summary>
    public Task<CommitOutcome> CommitServiceAsync(ServiceState state, Versioned<ServiceState>? decidedOn, ServiceCommand command, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        return _commands.CommitAsync(Aggregates.Service, ServiceAddress(state.Id), state, decidedOn, command, actor, cancellationToken);
    }

    /// <summary>The current version of service <paramref name="id"/>, 0 when it does not exist: a cheap check that a cached state is fresh.</summary>
    public Task<long> GetServiceVersionAsync(string id, CancellationToken cancellationToken = default) =>
        _context.ReadVersionAsync($"{ServiceTable.SubjectPrefix}{id}", cancellationToken);

    private AggregateAddress<ServiceState> ServiceAddress(string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        return new AggregateAddress<ServiceState>(
            $"{ServiceTable.SubjectPrefix}{serviceId}",
            serviceId,
            (connection, transaction, token) => _context.Services.ReadAsync(connection, transaction, serviceId, token));
    }

    private AggregateAddress<CatalogEntity> EntityAddress(string kind, string id)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(id);
        var subject = $"{kind}:{id}";
        return new AggregateAddress<CatalogEntity>(
            subject,
            subject,
            (connection, transaction, token) => _context.Entities.ReadAsync(connection, transaction, kind, id, token));
    }

    /// <summary>The service's current state and version, or null when there is no such service.</summary>
    public async Task<Versioned<ServiceState>?> GetServiceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _context.Services.ReadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The current states, ordered by id, of the services <paramref name="service"/>'s edges resolve to, as the policy
    /// engine's <c>target.*</c> facts resolve them: a direct edge to the service with that id, an <c>api:NAME</c> edge to
    /// the provider of NAME with the smallest id. Never <paramref name="service"/> itself, whose state the caller holds: for
    /// an API it provides too, the provider with the smallest other id is included, and the engine picks between the two.
    /// A target not in the store is left out (the edge dangles). Two indexed queries in one snapshot, never a scan of states.
    /// </summary>
    public async Task<IReadOnlyList<ServiceState>> GetDependencyTargetsAsync(ServiceState service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return await _context.Services.ReadDependencyTargetsAsync(connection, transaction, service, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many services call service <paramref name="serviceId"/>, and the first <paramref name="limit"/> of them by id, as the
    /// fleet graph resolves calls: each with the edge of its own state that targets the service's id or an <c>api:NAME</c> the
    /// service provides (the first such edge, in the caller's order), or, for a caller the service names in its
    /// <c>dependencyOf</c> that has no such edge, a default edge to it. Never the service itself; none when it does not exist.
    /// Indexed queries in one snapshot, reading the states of the callers listed only: a hub's thousands are counted, not read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public async Task<CallerPage> GetCallersAsync(string serviceId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return await _context.Services.ReadCallersAsync(connection, transaction, serviceId, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The services that match <paramref name="query"/>, ordered by id.</summary>
    public async Task<IReadOnlyList<Versioned<ServiceState>>> ListServicesAsync(ServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _context.Services.ListAsync(connection, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The waivers that match <paramref name="query"/>, each with its service's profile, ordered by service id then trait: found in
    /// the waiver index that every service write keeps, then the states of the services holding them read, in one snapshot; never a
    /// scan of states.
    /// </summary>
    public async Task<IReadOnlyList<ServiceWaiver>> ListWaiversAsync(WaiverQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return await _context.Services.ReadWaiversAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many waivers match <paramref name="query"/>, from the waiver index alone.</summary>
    public async Task<int> CountWaiversAsync(WaiverQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ServiceWaiverTable.CountAsync(connection, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the services that match <paramref name="search"/>, with how many match in all and their risk at the latest
    /// succeeded audit, in one snapshot: from indexes and the page's rows, never a scan of states.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or its size below 1 or above <see cref="ServiceSearch.MaxPageSize"/>.</exception>
    public async Task<ServiceSearchPage> SearchServicesAsync(ServiceSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = new ServiceSearchQuery(_context.Dialect, search);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await query.RunAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many services there are of each tier and exposure: by tier (unclassified last), then exposure (smallest unit first, unknown last).</summary>
    public async Task<IReadOnlyList<TierExposureCount>> CountServicesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await ServiceTable.CountByTierAndExposureAsync(connection, cancellationToken).ConfigureAwait(false);
        return [.. counts.OrderBy(count => count.Tier ?? int.MaxValue).ThenBy(count => count.Exposure ?? (UnitOfFailure)int.MaxValue)];
    }

    /// <summary>Every remediation item counted by team and by programme; an item in flight and due before <paramref name="today"/> is overdue.</summary>
    public async Task<RemediationTallies> TallyRemediationAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var teams = await RemediationItemTable.TallyAsync(connection, "team", today, cancellationToken).ConfigureAwait(false);
        var programmes = await RemediationItemTable.TallyAsync(connection, "programme", today, cancellationToken).ConfigureAwait(false);
        return new RemediationTallies(
            [.. teams.OrderBy(tally => tally.Name, StringComparer.Ordinal)],
            [.. programmes.OrderBy(tally => tally.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The catalog entities of <paramref name="kind"/> (all kinds when null), ordered by kind and id.</summary>
    public async Task<IReadOnlyList<Versioned<CatalogEntity>>> ListEntitiesAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _context.Entities.ListAsync(connection, kind, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every service (ordered by id) and catalog entity (by kind and id) as of one moment, read in two queries.</summary>
    public Task<FleetSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default) => SnapshotReader.ReadAsync(_context, cancellationToken);

    /// <summary>
    /// Opens a read of every service and every finding of the latest succeeded audit run in one snapshot, streamed: what an
    /// export of the whole fleet reads. Dispose it when done; it holds a connection until then.
    /// </summary>
    public Task<FleetExportReader> OpenFleetExportAsync(CancellationToken cancellationToken = default) => FleetExportReader.OpenAsync(_context, cancellationToken);

    /// <summary>
    /// Applies a whole catalog in one transaction. When any definition is rejected nothing is written and the result
    /// lists every rejection; a dry run computes everything and rolls back. Definitions that change nothing write nothing.
    /// </summary>
    public Task<BatchResult> ApplyBatchAsync(CatalogBatch batch, string actor, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(actor);
        return _batches.ApplyAsync(batch, actor, dryRun, cancellationToken);
    }

    /// <summary>Streams the history in sequence order: all of it, or one subject's (<c>service:ID</c>, <c>KIND:ID</c>).</summary>
    public async IAsyncEnumerable<HistoryEntry> ReadHistoryAsync(string? subject = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entry in _context.History.ReadAsync(connection, null, subject, 1, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Recomputes the hash chain against the stored head (all of it, or from the last intact recorded verification's head when
    /// <paramref name="scope"/> is incremental) and checks every current state against the history, in one snapshot; names the
    /// first bad entry and the states edited outside the product. Only reads: it never waits for a writer.
    /// </summary>
    public Task<HistoryVerification> VerifyHistoryAsync(VerificationScope scope = VerificationScope.Full, CancellationToken cancellationToken = default) =>
        _verifier.VerifyAsync(scope, cancellationToken);

    /// <summary>
    /// <see cref="VerifyHistoryAsync"/>, then records the outcome: it becomes the latest verification, and when intact the
    /// checkpoint of the next incremental one. Recording is a write, so on SQLite it waits for a writer holding the database.
    /// </summary>
    public async Task<VerificationRecord> VerifyAndRecordHistoryAsync(VerificationScope scope, CancellationToken cancellationToken = default)
    {
        var record = (await _verifier.VerifyAsync(scope, cancellationToken).ConfigureAwait(false)).ToRecord();
        await _verifier.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The last verification recorded, by any process; null when the store was never verified.</summary>
    public Task<VerificationRecord?> GetLastVerificationAsync(CancellationToken cancellationToken = default) => _verifier.ReadLatestAsync(cancellationToken);

    /// <summary>How many services, entities (by kind) and history entries the store holds.</summary>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var services = await ServiceTable.CountAsync(connection, cancellationToken).ConfigureAwait(false);
        var entities = await EntityTable.CountByKindAsync(connection, cancellationToken).ConfigureAwait(false);
        var history = await HistoryTable.CountAsync(connection, cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(services, entities, history);
    }

    public ValueTask DisposeAsync() => _context.DataSource.DisposeAsync();
}
