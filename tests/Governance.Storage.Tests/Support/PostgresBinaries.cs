using System.Diagnostics;

namespace Governance.Storage.Tests.Support;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) the PostgreSQL tests start a server with.</summary>
public static class PostgresBinaries
{
    /// <summary>Set to a bin directory to use (or, set to a directory without them, to see the tests skip).</summary>
    public const string BinDirVariable = "GOVERNANCE_PG_BINDIR";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];
    private static readonly Lazy<string?> Found = new(Locate);

    /// <summary>The directory holding all three programs, or null.</summary>
    public static string? BinDirectory => Found.Value;

    /// <summary>True when CI=true: missing binaries then fail the tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests cannot run here.</summary>
    public static string MissingMessage =>
        $"PostgreSQL server binaries ({string.Join(", ", Programs)}) were not found in ${BinDirVariable}, `pg_config --bindir` or " +
        "/usr/lib/postgresql/*/bin. Install PostgreSQL 15 (Debian: apt-get install postgresql-15) to run the PostgreSQL contract tests.";

    /// <summary>The skip reason for PostgreSQL tests, or null when they must run (binaries present, or CI=true so that their absence fails).</summary>
    public static string? SkipReason => BinDirectory is null && !IsCi ? MissingMessage + " (Skipped; with CI=true they fail instead.)" : null;

    private static string? Locate()
    {
        var explicitDir = Environment.GetEnvironmentVariable(BinDirVariable);
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return HasAll(explicitDir) ? explicitDir : null;
        }

        var candidates = new List<string>();
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            candidates.Add(fromPgConfig);
        }

        candidates.Add("/usr/lib/postgresql/15/bin");
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(dir => Path.Combine(dir, "bin")));
        }

        return candidates.FirstOrDefault(HasAll);
    }

    private static bool HasAll(string directory) => Programs.All(program => File.Exists(Path.Combine(directory, program)));

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
