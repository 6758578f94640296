using System.Diagnostics;

namespace Governance.Storage;

/// <summary>
/// The process that holds a record while it works on it (an audit run it began, an idempotency key it claimed): its host,
/// process id and start time. Only a process on the same host can tell whether the owner is still alive; the process id
/// alone could have been reused, the start time tells them apart.
/// </summary>
public sealed record ProcessOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedAt)
{
    // Process.StartTime is derived from the boot time on each read; two reads of one process differ by far less than this.
    private static readonly TimeSpan _startTimeTolerance = TimeSpan.FromSeconds(2);

    private static readonly Lazy<ProcessOwner> _current = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessOwner(ThisHost(), process.Id, process.StartTime.ToUniversalTime());
    });

    /// <summary>This process.</summary>
    public static ProcessOwner Current => _current.Value;

    /// <summary>
    /// True when this owner is on this host and no process with its id and start time runs any more. An owner on another
    /// host is never judged gone from here.
    /// </summary>
    public bool IsGoneFromThisHost()
    {
        if (Host != Current.Host)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return process.HasExited || (process.StartTime.ToUniversalTime() - ProcessStartedAt).Duration() > _startTimeTolerance;
        }
        catch (ArgumentException)
        {
            return true; // no process has that id
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // a process we may not look into is taken to be alive
        }
    }

    /// <summary>
    /// The host as process ids see it: the machine name, and on Linux the boot and the pid namespace too, so that two
    /// machines (or containers) that share a name and a store never judge each other's process ids.
    /// </summary>
    private static string ThisHost()
    {
        var host = Environment.MachineName;
        if (!OperatingSystem.IsLinux())
        {
            return host;
        }

        try
        {
            var boot = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
            var pids = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "pid";
            return $"{host} {boot} {pids}";
        }
        catch (IOException)
        {
            return host;
        }
        catch (UnauthorizedAccessException)
        {
            return host;
        }
    }
}
