using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the whole test run: started here with initdb and pg_ctl from
/// <c>/usr/lib/postgresql/*/bin</c> (as the <c>postgres</c> OS user when running as root, since the server refuses
/// root), in a fresh temporary directory, on a free TCP port of 127.0.0.1 only, trust authentication, fsync off; or
/// the server of <c>SAFECALL_TEST_POSTGRES</c> when that variable holds a connection string. A server that cannot be
/// started fails every test with the reason: these tests are never skipped. Each test gets a database of its own
/// (<see cref="CreateDatabase"/>). Stopped (<c>-m immediate</c>) and removed at the end.
/// </summary>
public sealed class PgServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "SAFECALL_TEST_POSTGRES";

    private string? _directory;
    private int _databases;

    /// <summary>The admin connection string (database <c>postgres</c>).</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>The folder holding initdb, pg_ctl and psql.</summary>
    public string BinDirectory { get; private set; } = string.Empty;

    /// <summary><see langword="true"/> when this fixture started the server (so tests may stop and start it).</summary>
    public bool Owned => _directory is not null;

    public string DataDirectory => Path.Combine(_directory ?? throw new InvalidOperationException("not our server"), "data");

    public int Port { get; private set; }

    /// <summary>Our server's log file.</summary>
    public string LogPath => Path.Combine(_directory ?? throw new InvalidOperationException("not our server"), "server.log");

    public async Task InitializeAsync()
    {
        BinDirectory = FindBinDirectory();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            AdminConnectionString = external;
            return;
        }

        _directory = Path.Combine(Path.GetTempPath(), "scl-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory]);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);
        Port = FreePort();
        await StartAsync();
        AdminConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=10";
    }

    /// <summary>Starts our server (again), waiting until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_directory!, "server.log"), "-w", "-t", "60", "-o", options, "start"], asPostgres: true);
    }

    /// <summary>Stops our server with <paramref name="mode"/> (<c>fast</c>, <c>immediate</c>).</summary>
    public Task StopAsync(string mode) =>
        RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-w", "-t", "60", "-m", mode, "stop"], asPostgres: true);

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public string CreateDatabase(string? extra = null)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true };
        return builder.ConnectionString + (extra is null ? string.Empty : ";" + extra);
    }

    public async Task DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped by a test; the directory goes either way.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinDirectory()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(static d => Path.Combine(d, "bin")).Where(static b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(static b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries: /usr/lib/postgresql/*/bin/initdb is missing (apt-get install postgresql, as .ci/run does), and {EnvironmentVariable} is not set.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end; throws with its output when it fails.</summary>
    private async Task RunAsync(string program, string[] args, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = _directory is not null && File.Exists(Path.Combine(_directory, "server.log")) ? File.ReadAllText(Path.Combine(_directory, "server.log")) : string.Empty;
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout} {await stderr} {log}");
        }
    }
}

/// <summary>Every PostgreSQL test class shares the one server of the run.</summary>
[CollectionDefinition(Name)]
public sealed class PgCollection : ICollectionFixture<PgServer>
{
    public const string Name = "PostgreSQL server";
}
