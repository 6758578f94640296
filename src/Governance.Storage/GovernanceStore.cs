using System.Runtime.CompilerServices;
using Governance.Domain;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Storage.Audits;
using Governance.Storage.Connections;
using Governance.Storage.Execution;
using Governance.Storage.Migrations;
using Governance.Storage.Tables;

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

    private GovernanceStore(StoreConnection connection, TimeProvider timeProvider)
    {
        _context = new StoreContext(connection.DataSource, connection.Dialect, timeProvider);
        _commands = new CommandRunner(_context);
        _batches = new BatchRunner(_context);
        Audits = new AuditRunStore(_context);
        Dialect = connection.Dialect.Name;
        Location = connection.Location;
    }

    /// <summary>"sqlite" or "postgresql".</summary>
    public string Dialect { get; }

    /// <summary>The database file, or the PostgreSQL connection string without its password.</summary>
    public string Location { get; }

    /// <summary>The fleet audit runs and their results.</summary>
    public AuditRunStore Audits { get; }

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
    /// Applies one command to service <paramref name="serviceId"/>. Without <paramref name="expectedVersion"/> a
    /// concurrent change makes the command run again on fresh state; with it, a stored version that differs is a
    /// <see cref="ConcurrencyConflictException"/> at once.
    /// </summary>
    public Task<CommandResult<ServiceState>> ExecuteAsync(string serviceId, ServiceCommand command, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        IReadOnlyList<FieldError> errors = command is DefineService define && define.Profile.Id != serviceId
            ? [new FieldError("id", $"the definition is of '{define.Profile.Id}', but the command was sent to '{serviceId}'")]
            : [];
        var address = new AggregateAddress<ServiceState>(
            $"{ServiceTable.SubjectPrefix}{serviceId}",
            serviceId,
            (connection, transaction, token) => _context.Services.ReadAsync(connection, transaction, serviceId, token),
            errors);
        return _commands.ExecuteAsync(Aggregates.Service, address, command, actor, expectedVersion, cancellationToken);
    }

    /// <summary>Applies one command to catalog entity <paramref name="kind"/>:<paramref name="id"/>; versions work as for services.</summary>
    public Task<CommandResult<CatalogEntity>> ExecuteAsync(string kind, string id, EntityCommand command, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        IReadOnlyList<FieldError> errors = command is DefineEntity define && (define.Entity.Kind != kind || define.Entity.Id != id)
            ? [new FieldError("id", $"the definition is of '{define.Entity.Subject}', but the command was sent to '{kind}:{id}'")]
            : [];
        var subject = $"{kind}:{id}";
        var address = new AggregateAddress<CatalogEntity>(
            subject,
            subject,
            (connection, transaction, token) => _context.Entities.ReadAsync(connection, transaction, kind, id, token),
            errors);
        return _commands.ExecuteAsync(Aggregates.Entity, address, command, actor, expectedVersion, cancellationToken);
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

    /// <summary>The services that match <paramref name="query"/>, ordered by id.</summary>
    public async Task<IReadOnlyList<Versioned<ServiceState>>> ListServicesAsync(ServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _context.Services.ListAsync(connection, query, cancellationToken).ConfigureAwait(false);
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
        await foreach (var entry in _context.History.ReadAsync(connection, null, subject, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>Recomputes the whole hash chain against the stored head, in one snapshot, and names the first bad entry.</summary>
    public async Task<ChainVerification> VerifyHistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var head = await _context.History.ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var verifier = new ChainVerifier();
        await foreach (var entry in _context.History.ReadAsync(connection, transaction, null, cancellationToken).ConfigureAwait(false))
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Finish(head);
    }

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
