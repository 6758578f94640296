using System.Diagnostics;

namespace Governance.Storage.Tests.Support;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ChildProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs a program to its end, or kills it and everything it started once a timeout fires.</summary>
public static class ChildProcess
{
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung child (and whatever it started) would otherwise outlive the test run.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var printed = await PrintedAsync(output, error);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Describe(start)} did not exit within {timeout} and was killed:\n{printed}");
        }

        return new ChildProcessResult(process.ExitCode, await output, await error);
    }

    // A process that escaped the tree may still hold the pipes open; what was printed is then not worth waiting for.
    private static async Task<string> PrintedAsync(Task<string> output, Task<string> error)
    {
        try
        {
            var printed = await Task.WhenAll(output, error).WaitAsync(TimeSpan.FromSeconds(10));
            return string.Concat(printed);
        }
        catch (TimeoutException)
        {
            return "(its output is still held open by a process it started)";
        }
    }

    private static string Describe(ProcessStartInfo start) => string.Join(' ', [start.FileName, .. start.ArgumentList]);
}
