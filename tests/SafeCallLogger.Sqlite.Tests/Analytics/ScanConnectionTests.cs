using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using SQLitePCL;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>
/// The handle a one-pass read runs on (<see cref="ScanConnection"/>): its own, without the connection mutex, on a plain
/// file; the managed connection's own where a handle of its own could not see the same database.
/// </summary>
public sealed class ScanConnectionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public ScanConnectionTests() => _db.Execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void PlainFile_OwnHandleWithoutTheMutex_ReadsTheFileAndClosesTheManagedConnection()
    {
        var managed = _db.Open();

        using (var scan = ScanConnection.For(managed, ownsConnection: true))
        {
            Assert.True(scan.WithoutMutex);
            Assert.NotSame(managed.Handle, scan.Handle);
            Assert.Equal(System.Data.ConnectionState.Closed, managed.State);
            scan.BeginRead();
            Assert.True(scan.TableExists("t"));
            Assert.False(scan.TableExists("missing"));
            Assert.Equal(6, Sum(scan));
            scan.EndRead();
        }
    }

    [Fact]
    public void ReadOnlyConnection_OwnHandleIsReadOnlyToo()
    {
        using var managed = new SqliteConnection(new SqliteConnectionStringBuilder(_db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        managed.Open();

        using var scan = ScanConnection.For(managed, ownsConnection: false);

        Assert.True(scan.WithoutMutex);
        Assert.Equal(1, raw.sqlite3_db_readonly(scan.Handle, "main"));
    }

    public static TheoryData<string> SharedViews => ["memory", "shared cache", "uri", "another vfs"];

    [Theory]
    [MemberData(nameof(SharedViews))]
    public void DataSourceAHandleOfItsOwnWouldNotSee_ManagedHandleIsReadWithItsMutex(string source)
    {
        using var keeper = new SqliteConnection(ConnectionString(source));
        keeper.Open();
        if (source == "memory")
        {
            using var create = keeper.CreateCommand();
            create.CommandText = "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)";
            create.ExecuteNonQuery();
        }

        using var scan = ScanConnection.For(keeper, ownsConnection: false);

        Assert.False(scan.WithoutMutex);
        Assert.Same(keeper.Handle, scan.Handle);
        scan.BeginRead();
        Assert.Equal(6, Sum(scan));
        scan.EndRead();
    }

    [Fact]
    public void DisposedWhileReading_EndsTheReadSoAWriterIsNotKeptOut()
    {
        _db.Execute("PRAGMA journal_mode = DELETE");
        var scan = ScanConnection.For(_db.Open(), ownsConnection: true);
        scan.BeginRead();
        _ = Sum(scan);

        scan.Dispose();

        using var writer = _db.Open();
        using var exclusive = writer.CreateCommand();
        exclusive.CommandText = "PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE; INSERT INTO t VALUES (4); COMMIT";
        exclusive.ExecuteNonQuery();
        Assert.Equal(10L, _db.Scalar("SELECT SUM(x) FROM t"));
    }

    [Fact]
    public async Task RollbackJournalWithAWriterWaitingToCommit_SecondReadGivesUpAtOnce_WriterCommits()
    {
        _db.Execute("PRAGMA journal_mode = DELETE");
        var first = ScanConnection.For(_db.Open(), ownsConnection: true);
        first.BeginRead();
        _ = Sum(first);

        // The writer's COMMIT takes the PENDING lock and waits for the first read's SHARED lock to go; a new reader is
        // refused from then on, which is how the test knows the writer is waiting. The second read's connection waits
        // far longer than the writer (as the store's busy timeout would): had it waited, the writer would fail first.
        var writing = Task.Run(() =>
        {
            using var writer = _db.Open();
            using var commit = writer.CreateCommand();
            commit.CommandText = "PRAGMA busy_timeout = 10000; BEGIN; INSERT INTO t VALUES (4); COMMIT";
            commit.ExecuteNonQuery();
        });
        using (var probe = _db.Open())
        {
            raw.sqlite3_busy_timeout(probe.Handle, 0);
            while (raw.sqlite3_exec(probe.Handle, "SELECT 1 FROM sqlite_master LIMIT 1") != raw.SQLITE_BUSY)
            {
                Assert.False(writing.IsCompleted, "the writer committed while the first read held its lock");
                await Task.Delay(10);
            }
        }

        using (var second = CallScan.TryShareSnapshot(first, () => ScanConnection.For(Patient(_db.Open()), ownsConnection: true)))
        {
            Assert.Null(second);
        }

        first.Dispose();
        await writing;
        Assert.Equal(10L, _db.Scalar("SELECT SUM(x) FROM t"));
    }

    private static SqliteConnection Patient(SqliteConnection connection)
    {
        using var timeout = connection.CreateCommand();
        timeout.CommandText = "PRAGMA busy_timeout = 120000";
        timeout.ExecuteNonQuery();
        return connection;
    }

    private static long Sum(ScanConnection scan)
    {
        using var rows = new RawRows(scan.Handle, "SELECT SUM(x) FROM t", []);
        Assert.True(rows.Step());
        return rows.Long(0);
    }

    private string ConnectionString(string source) => source switch
    {
        "memory" => "Data Source=scan-memory;Mode=Memory;Cache=Shared",
        "shared cache" => new SqliteConnectionStringBuilder(_db.ConnectionString) { Cache = SqliteCacheMode.Shared }.ToString(),
        "uri" => $"Data Source=file:{_db.Path}?mode=ro;Pooling=False",
        _ => new SqliteConnectionStringBuilder(_db.ConnectionString) { Vfs = "unix-dotfile" }.ToString(),
    };
}
