using System.Diagnostics;

namespace Governance.Storage.Tests.Support;

/// <summary>Files no catalog should be: a FIFO made with the system's <c>mkfifo</c>, which blocks whoever opens it to read.</summary>
public static class SpecialFiles
{
    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/>.</summary>
    public static async Task CreateFifoAsync(string path)
    {
        var start = new ProcessStartInfo("mkfifo") { ArgumentList = { path } };
        var made = await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(30));
        if (made.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"mkfifo {path} failed ({made.ExitCode}): {made.Error}");
        }
    }
}
