using System.Diagnostics;

namespace Governance.Storage.Tests.Support;

public sealed class ChildProcessTests : IDisposable
{
    private readonly string _pidFile = Path.Combine(Path.GetTempPath(), $"governance-child-{Guid.NewGuid():N}.pid");

    public void Dispose() => File.Delete(_pidFile);

    [Fact]
    public async Task A_child_that_outlives_its_timeout_is_killed_with_everything_it_started()
    {
        // The shell writes its own id and its background child's, then waits on a child that would run for ten minutes.
        var start = new ProcessStartInfo("sh", ["-c", $"sleep 600 & echo $$ $! > '{_pidFile}'; wait"]);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => ChildProcess.RunAsync(start, TimeSpan.FromSeconds(2)));

        var pids = (await File.ReadAllTextAsync(_pidFile)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
        Assert.StartsWith("sh -c sleep 600", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_that_ends_in_time_reports_its_exit_code_and_output()
    {
        var run = await ChildProcess.RunAsync(new ProcessStartInfo("sh", ["-c", "echo out; echo err >&2; exit 3"]), TimeSpan.FromMinutes(1));

        Assert.Equal(new ChildProcessResult(3, "out\n", "err\n"), run);
    }

    // A killed process may linger as a zombie until its parent reaps it; it runs no more.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
