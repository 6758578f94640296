using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the test run: initdb in a temporary directory (as the postgres user when running as
/// root, since initdb refuses root), pg_ctl on a free loopback port, one database per test, stopped and deleted at the end.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SystemUser = "postgres";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"governance-pg-{Guid.NewGuid():N}");
    private string? _binDirectory;
    private int _port;
    private int _databases;

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        // Without binaries the tests were either skipped at discovery, or (CI=true) fail in CreateDatabaseAsync with the reason.
        _binDirectory = PostgresBinaries.BinDirectory;
        if (_binDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(_root);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", _root], asPostgres: false);
        }

        await RunAsync(Program("initdb"), ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-sync"], asPostgres: true);
        _port = FreePort();
        var options = $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={DataDirectory} " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Program("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "120", "-o", options, "start"], asPostgres: true);
    }

    /// <summary>Creates an empty database and returns it with its connection string.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        if (_binDirectory is null)
        {
            throw new InvalidOperationException(PostgresBinaries.MissingMessage + (PostgresBinaries.IsCi ? " CI=true, so this is a failure, not a skip." : string.Empty));
        }

        var name = $"governance_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await AdminAsync($"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = name,
            CommandTimeout = 120,
        };
        return new PostgresTestDatabase(builder.ConnectionString, () => AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    public async Task DisposeAsync()
    {
        if (_binDirectory is not null && Directory.Exists(DataDirectory))
        {
            await RunAsync(Program("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private string Program(string name) => Path.Combine(_binDirectory!, name);

    private async Task AdminAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", ["-u", SystemUser, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.WorkingDirectory = Path.GetTempPath();
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(3));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        }
    }
}

/// <summary>All PostgreSQL test classes share one server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql";
}
