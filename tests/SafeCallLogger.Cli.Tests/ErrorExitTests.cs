using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Cli.Tests.Support;

namespace SafeCallLogger.Cli.Tests;

/// <summary>What goes wrong, as the operator meets it: a missing file, a file that is not ours, a locked one, bad arguments. Each is one line and its exit code.</summary>
[Collection(DemoCollection.Name)]
public sealed class ErrorExitTests(DemoDatabase demo)
{
    [Theory]
    [InlineData("stats")]
    [InlineData("export")]
    [InlineData("selftest")]
    [InlineData("prune", "--older-than", "30")]
    [InlineData("breakdown", "--by", "sport")]
    [InlineData("doctor")]
    public async Task Command_MissingDatabase_ExitsThreeAndCreatesNoFile(string command, params string[] more)
    {
        var missing = demo.NewPath("missing-" + command + ".db");

        var run = await Tools.SafecallAsync([command, .. more, "--db", missing]);

        AssertOneLine(run, 3, "database file not found");
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Stats_TextFile_ExitsFourNotASqliteFile()
    {
        var text = demo.NewPath("notes.txt");
        await File.WriteAllTextAsync(text, "these are not the calls you are looking for\n");

        AssertOneLine(await Tools.SafecallAsync("stats", "--db", text), 4, "is not a SQLite file");
    }

    [Fact]
    public async Task Export_RandomBytes_ExitsFourAndLeavesTheFileAsItWas()
    {
        var noise = demo.NewPath("noise.bin");
        var bytes = new byte[8192];
        new Random(11).NextBytes(bytes);
        await File.WriteAllBytesAsync(noise, bytes);

        AssertOneLine(await Tools.SafecallAsync("export", "--db", noise), 4, "not a SafeCallLogger database");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(noise));
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("selftest")]
    [InlineData("export")]
    public async Task Command_SqliteWithoutTheCallsTable_ExitsFourAndAddsNoTable(string command)
    {
        var other = demo.NewPath("other-" + command + ".db");
        Execute(other, "CREATE TABLE subscribers (id INTEGER PRIMARY KEY)");

        AssertOneLine(await Tools.SafecallAsync(command, "--db", other), 4, "has no arbitrage_calls table");
        Assert.Equal(1L, Execute(other, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task Stats_ExclusiveLockOnARollbackJournalDatabase_ExitsFiveLocked()
    {
        var copy = demo.Copy("locked-read.db");
        Execute(copy, "PRAGMA journal_mode = DELETE");
        using var holder = await HoldAsync(copy, "exclusive");

        AssertOneLine(await Tools.SafecallAsync("stats", "--busy-timeout", "0.2", "--db", copy), 5, "locked");
    }

    [Fact]
    public async Task Prune_WriteLockHeldByAnotherProcess_ExitsFiveLocked()
    {
        var copy = demo.Copy("locked-write.db");
        using var holder = await HoldAsync(copy, "immediate");

        AssertOneLine(await Tools.SafecallAsync("prune", "--older-than", "1", "--busy-timeout", "0.2", "--db", copy), 5, "locked");
    }

    [Fact]
    public async Task Stats_PostgresServerUnreachable_ExitsOneWithOneLine()
    {
        // Port 1 on the loopback refuses at once: no server is needed to see the connection error reported.
        AssertOneLine(await Tools.SafecallAsync("stats", "--postgres", "Host=127.0.0.1;Port=1;Database=bots;Username=bot;Timeout=2"), 1, "cannot connect to PostgreSQL 127.0.0.1:1/bots");
    }

    [Fact]
    public async Task Stats_BothDbAndPostgres_ExitsTwo()
    {
        AssertOneLine(await Tools.SafecallAsync("stats", "--postgres", "Host=127.0.0.1;Port=1", "--db", demo.Path), 2, "name one storage only");
    }

    [Theory]
    [InlineData("stats", "--bogus")]
    [InlineData("breakdown", "--by", "planet")]
    [InlineData("breakdown", "--tz", "Mars/Olympus_Mons")]
    [InlineData("breakdown", "--roi-bands", "3,1")]
    [InlineData("daily", "--since", "yesterday-ish")]
    [InlineData("users", "--min", "0")]
    [InlineData("prune")]
    [InlineData("prune", "--older-than", "0")]
    [InlineData("nonsense")]
    public async Task Command_BadArguments_ExitsTwo(params string[] args)
    {
        AssertOneLine(await Tools.SafecallAsync([.. args, "--db", demo.Path]), 2, string.Empty);
    }

    private static void AssertOneLine(ChildRun run, int exitCode, string says)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        var line = run.Error.TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("safecall: ", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static object? Execute(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task<LockHolder> HoldAsync(string database, string mode)
    {
        var process = Python3.Start("hold_write_lock.py", [database, "0", mode]);
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TestWait.Guard);
        if (first != "locked")
        {
            // Its stderr ends only when it exits: read it only once it has failed.
            Assert.Fail("the lock holder did not take the lock: " + first + " " + await process.StandardError.ReadToEndAsync());
        }

        return new LockHolder(process);
    }

    private sealed class LockHolder(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
