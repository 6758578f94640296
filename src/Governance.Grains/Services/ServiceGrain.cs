using System.Data.Common;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Grains.Contracts;
using Governance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Services;

/// <summary>
/// One service aggregate in memory: decides commands with the domain's rules on its cached state, persists each through the
/// store's commit entry point (state and history entry in one transaction, at the cached version), and reloads and decides
/// again when someone wrote outside the cluster. After a change it re-evaluates the service's risks and moves its deadline
/// reminder. A storage failure reaches the caller with nothing committed; nothing is retried behind the caller's back.
/// </summary>
public sealed class ServiceGrain(IServiceGrainHost host, IOptions<DeadlineOptions> deadlines, ILogger<ServiceGrain> logger)
    : Grain, IServiceGrain, IRemindable
{
    /// <summary>The actor history entries name when the product itself records a deadline.</summary>
    public const string DeadlineActor = "system:deadlines";

    private const string DeadlineReminder = "deadlines";

    // A writer outside the cluster can move the version between our read and our commit; past this many rounds the caller hears of it.
    private const int MaxRounds = 5;

    private readonly ServiceRiskCache _risks = new(host);
    private Versioned<ServiceState>? _current;
    private bool _loaded;
    private DateOnly? _reminderFor;

    private string Id => this.GetPrimaryKeyString();

    private long Version => _current?.Version ?? 0;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);

        // Reminder ticks that fell while no silo was up are skipped: deadlines are checked against the clock on every activation.
        await RecordDueDeadlinesAsync(cancellationToken);
        await MoveDeadlineReminderAsync(force: true);
    }

    public async Task<ServiceSnapshot?> GetAsync()
    {
        await RefreshAsync();
        return Snapshot();
    }

    public async Task<ServiceRisks?> GetRisksAsync()
    {
        await RefreshAsync();
        return _current is null ? null : await _risks.GetAsync(_current);
    }

    public async Task<CommandReply> ExecuteAsync(ServiceCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExpectedVersion is { } expected && expected != Version)
        {
            // The cache may be what is stale: only the store can say the caller is.
            await ReloadAsync();
            if (expected != Version)
            {
                return new CommandReply.Conflict(expected, Version);
            }
        }

        var reply = await DecideAndCommitAsync(request.Command(), request.Actor, request.ExpectedVersion);
        if (reply is CommandReply.Accepted)
        {
            await AfterChangeAsync();
        }

        return reply;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await RefreshAsync();
        var recorded = await RecordDueDeadlinesAsync();
        await MoveDeadlineReminderAsync(force: false);
        ServiceGrainLog.DeadlinesChecked(logger, Id, recorded);
    }

    private async Task<CommandReply> DecideAndCommitAsync(ServiceCommand command, string actor, long? expectedVersion)
    {
        for (var round = 1; ; round++)
        {
            var decision = new CommandContext(actor, host.Time.GetUtcNow()) { Policies = host.Policies.Set };
            switch (ServiceAggregate.Decide(Id, _current?.State, command, decision))
            {
                case CommandOutcome<ServiceState>.Rejected rejected:
                    return new CommandReply.Rejected(rejected.Errors, Version);
                case CommandOutcome<ServiceState>.Unchanged:
                    return new CommandReply.Unchanged(Snapshot()!);
                case CommandOutcome<ServiceState>.Accepted accepted:
                    var baseVersion = Version;
                    switch (await CommitAsync(accepted.State, command, actor))
                    {
                        case CommitOutcome.Committed committed:
                            _current = new Versioned<ServiceState>(accepted.State, committed.Version, committed.At);
                            return new CommandReply.Accepted(Snapshot()!);
                        case CommitOutcome.Stale stale:
                            ServiceGrainLog.StaleCache(logger, Id, baseVersion, stale.StoredVersion);
                            await ReloadAsync();
                            if (expectedVersion is not null || round >= MaxRounds)
                            {
                                return new CommandReply.Conflict(expectedVersion ?? baseVersion, Version);
                            }

                            continue;
                    }

                    break;
            }

            throw new InvalidOperationException($"an outcome of {command.Name} was not handled");
        }
    }

    private async Task<CommitOutcome> CommitAsync(ServiceState state, ServiceCommand command, string actor)
    {
        try
        {
            return await host.Store.CommitServiceAsync(state, _current, command, actor);
        }
        catch (DbException failure)
        {
            // Whether the database kept the write before failing is unknown here: the next call reads the truth again.
            _loaded = false;
            ServiceGrainLog.CommitFailed(logger, failure, Id, command.Name);
            throw new ServiceStoreException($"the store failed while recording {command.Name} on {Id}; nothing was committed: {failure.Message}");
        }
    }

    /// <summary>What follows a committed change. The change stands whatever happens here, so failures are logged, never thrown.</summary>
    private async Task AfterChangeAsync()
    {
        await _risks.EvaluateAsync(_current!, logger);
        try
        {
            await MoveDeadlineReminderAsync(force: false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The reminder stays where it was; the next change, tick or activation moves it.
            ServiceGrainLog.ReminderNotMoved(logger, failure, Id);
        }
    }

    /// <summary>Records every deadline the clock has passed; how many were recorded.</summary>
    private async Task<int> RecordDueDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        if (_current is null)
        {
            return 0;
        }

        var recorded = 0;
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        foreach (var command in Deadlines.DueBy(_current.State, today))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await DecideAndCommitAsync(command, DeadlineActor, expectedVersion: null) is CommandReply.Accepted)
            {
                ServiceGrainLog.DeadlineRecorded(logger, Id, command.Name, Version);
                await _risks.EvaluateAsync(_current!, logger);
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>
    /// Keeps one deadline reminder while a deadline is pending, removed when none is. It ticks at the deadline or after
    /// <see cref="DeadlineOptions.CheckEvery"/>, whichever comes first, and then every period: each tick checks the clock.
    /// </summary>
    private async Task MoveDeadlineReminderAsync(bool force)
    {
        var next = _current is null ? null : Deadlines.Next(_current.State);
        if (!force && next == _reminderFor)
        {
            return;
        }

        if (next is { } day)
        {
            var period = deadlines.Value.CheckEvery;
            var untilDeadline = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - host.Time.GetUtcNow().UtcDateTime;
            await this.RegisterOrUpdateReminder(DeadlineReminder, untilDeadline < TimeSpan.Zero ? TimeSpan.Zero : untilDeadline < period ? untilDeadline : period, period);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderFor = next;
    }

    /// <summary>Reloads when the store holds another version than the cache: someone wrote outside the cluster.</summary>
    private async Task RefreshAsync()
    {
        if (!_loaded || await ReadAsync(store => store.GetServiceVersionAsync(Id)) != Version)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        _current = await ReadAsync(store => store.GetServiceAsync(Id, cancellationToken));
        _loaded = true;
    }

    private async Task<T> ReadAsync<T>(Func<GovernanceStore, Task<T>> read)
    {
        try
        {
            return await read(host.Store);
        }
        catch (DbException failure)
        {
            throw new ServiceStoreException($"the store failed while reading {Id}: {failure.Message}");
        }
    }

    private ServiceSnapshot? Snapshot() => _current is null ? null : new ServiceSnapshot(_current.State, _current.Version, _current.UpdatedAt);
}
