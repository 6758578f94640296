namespace Governance.Server.Tests.Cluster.Support;

/// <summary>A test grain that registers a reminder and reports each tick to <see cref="ReminderTicks"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or replaces) the reminder <paramref name="name"/>, first due after one <paramref name="period"/>.</summary>
    Task RegisterAsync(string name, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>The silo this activation runs on.</summary>
    Task<string> SiloAsync(CancellationToken cancellationToken = default);
}

/// <summary>Reports every reminder tick, with the silo it fired on.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public async Task RegisterAsync(string name, TimeSpan period, CancellationToken cancellationToken = default) =>
        await this.RegisterOrUpdateReminder(name, period, period);

    public Task<string> SiloAsync(CancellationToken cancellationToken = default) => Task.FromResult(RuntimeIdentity);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), reminderName, RuntimeIdentity);
        return Task.CompletedTask;
    }
}
