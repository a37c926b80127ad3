using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// A PostgreSQL server of the benchmark's own: initdb and pg_ctl from <c>/usr/lib/postgresql/*/bin</c> (as the
/// <c>postgres</c> user when running as root), a temporary directory, a free port of 127.0.0.1, trust authentication,
/// fsync and synchronous commit off (both sides of every ratio pay the same server; the disk is not what we measure).
/// A small copy of tests/SafeCallLogger.PostgreSql.Tests/Support/PgServer.cs, because that one is an xUnit fixture
/// (IAsyncLifetime, a collection definition) and the benchmarks do not reference xUnit.
/// </summary>
public sealed class PgBenchServer : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scl-pgbench-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _bin;
    private int _databases;

    public PgBenchServer()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(static d => Path.Combine(d, "bin"))
            .Where(static b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(static b => b, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("No /usr/lib/postgresql/*/bin/initdb: apt-get install postgresql.");
        Directory.CreateDirectory(_directory);
        if (IsRoot)
        {
            Run("chown", "postgres:postgres", _directory);
        }

        var data = Path.Combine(_directory, "data");
        RunAsPostgres(Path.Combine(_bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", options, "start");
        Version = (string)Scalar($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres", "SHOW server_version");
    }

    public int Port { get; }

    public string Version { get; }

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "b" + Interlocked.Increment(ref _databases);
        Scalar($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false", $"CREATE DATABASE {name}");
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public static object Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() ?? DBNull.Value;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-w", "-m", "immediate", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void RunAsPostgres(string program, params string[] args) =>
        Run(IsRoot ? "runuser" : program, IsRoot ? ["-u", "postgres", "--", program, .. args] : args);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
        }
    }
}
