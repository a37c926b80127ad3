using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Sqlite.Tests.Support;
using SafeCallLogger.Tests.Analytics;
using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>
/// <see cref="SqliteCallStore.AnswerAsync"/> with every question at once, so both reads of the calls run, side by side
/// on two connections sharing one snapshot, in each journal state that decides how the snapshot is shared; and the
/// sharing itself, with a commit staged between the two reads.
/// </summary>
public sealed class SqliteAnswerTogetherTests : IDisposable
{
    private static readonly CallDimension[] AllDimensions = Enum.GetValues<CallDimension>();

    private static readonly AnalyticsQuestions Everything = new()
    {
        ConversionBy = AllDimensions,
        DailyActivity = true,
        ResultsBy = AllDimensions,
        ClvBy = AllDimensions,
        LineMovement = true,
        TimingOverall = true,
        TimingBy = AllDimensions,
        UserPreferencesBy = AllDimensions,
        MinimumNotified = 2,
        Retention = true,
    };

    private readonly TempDatabase _db = new();

    public static TheoryData<string> JournalStates => ["wal, empty", "wal, with frames", "rollback journal"];

    public void Dispose() => _db.Dispose();

    [Theory]
    [MemberData(nameof(JournalStates))]
    public async Task AnswerAsync_EveryQuestionAtOnce_EqualsEachSingleQuery(string journal)
    {
        await WriteWorkloadAsync();
        using var writer = PrepareJournal(journal);
        var store = new SqliteCallStore(_db.ConnectionString);

        foreach (var filter in new AnalyticsFilter?[] { null, new() { TimeZone = Paris, Since = Utc(3, 2, 6), Until = Utc(3, 5, 18), RoiBands = [0, 2, 4] } })
        {
            var answers = await store.AnswerAsync(Everything, filter);

            foreach (var by in AllDimensions)
            {
                Same(await store.GetConversionAsync(by, filter), answers.Conversion[by]);
                Same(await store.GetResultsAsync(by, filter), answers.Results[by]);
                Same(await store.GetClvAsync(by, filter), answers.Clv[by]);
                Same(await store.GetTimingAsync(by, filter), answers.Timing[by]);
                Same(await store.GetUserPreferencesAsync(by, 2, filter), answers.UserPreferences[by]);
            }

            Same(await store.GetDailyActivityAsync(filter), answers.DailyActivity!);
            Same(await store.GetLineMovementAsync(filter), answers.LineMovement!);
            Same(await store.GetTimingAsync(null, filter), answers.TimingOverall!);
            Same(await store.GetRetentionAsync(filter), answers.Retention!);
            Assert.NotEmpty(answers.UserPreferences[CallDimension.Sport]);
            Assert.Contains(answers.Retention!, r => r.Engaged > 0);
        }
    }

    [Fact]
    public async Task AnswerAsync_OneQuestion_AnswersOnlyIt()
    {
        await WriteWorkloadAsync();

        var answers = await new SqliteCallStore(_db.ConnectionString).AnswerAsync(new AnalyticsQuestions { ConversionBy = [CallDimension.Sport] });

        Assert.Equal([CallDimension.Sport], answers.Conversion.Keys);
        Assert.Empty(answers.Results);
        Assert.Empty(answers.Clv);
        Assert.Empty(answers.Timing);
        Assert.Empty(answers.UserPreferences);
        Assert.All(new object?[] { answers.DailyActivity, answers.LineMovement, answers.TimingOverall, answers.Retention }, Assert.Null);
    }

    [Fact]
    public void NativeColumns_TheBundleMicrosoftDataSqliteLoads_IsTheLibraryCalledDirectly()
    {
        // Without it every value goes through SQLitePCLRaw's wrappers: the same answers, several times slower.
        Assert.True(NativeColumns.Available);
    }

    [Fact]
    public async Task TryShareSnapshot_WalWithFramesAndACommitAfterTheFirstRead_SecondSeesTheFirstsView()
    {
        await WriteWorkloadAsync();
        using var writer = PrepareJournal("wal, with frames");
        using var first = Reader();
        var before = Bet(first);

        Commit(writer!, "UPDATE arbitrage_calls SET total_users_bet = total_users_bet + 1000");
        using var second = CallScan.TryShareSnapshot(first, OpenScan);

        Assert.NotNull(second);
        Assert.Equal(before, Bet(second));
    }

    [Fact]
    public async Task TryShareSnapshot_EmptyWalAndACommitAfterTheFirstRead_GivesUp()
    {
        await WriteWorkloadAsync();
        using var first = Reader();
        _ = Bet(first);

        using (var writer = Open())
        {
            Commit(writer, "UPDATE arbitrage_calls SET total_users_bet = total_users_bet + 1000");
        }

        Assert.Null(CallScan.TryShareSnapshot(first, OpenScan));
    }

    [Theory]
    [InlineData("wal, empty")]
    [InlineData("rollback journal")]
    public async Task TryShareSnapshot_NoCommitBetweenTheReads_Shares(string journal)
    {
        await WriteWorkloadAsync();
        using var writer = PrepareJournal(journal);
        using var first = Reader();
        var before = Bet(first);

        using var second = CallScan.TryShareSnapshot(first, OpenScan);

        Assert.NotNull(second);
        Assert.Equal(before, Bet(second));
    }

    private static void Same<T>(IReadOnlyList<T> single, IReadOnlyList<T> together) =>
        Assert.Equal(single.Select(Text), together.Select(Text));

    // A row as text with its numbers to 9 decimals: a sum may differ in its last bits with the order of its terms.
    private static string Text<T>(T row) => string.Join(
        "|",
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.GetValue(row) switch
        {
            double d => (Math.Round(d, 9) + 0.0).ToString("R", CultureInfo.InvariantCulture),
            DurationSummary s => s.ToString(),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        }));

    private static void Commit(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Bet(ScanConnection connection)
    {
        using var rows = new RawRows(connection.Handle, "SELECT TOTAL(total_users_bet) FROM arbitrage_calls", []);
        Assert.True(rows.Step());
        return (long)rows.Double(0);
    }

    private SqliteConnection Open() => _db.Open();

    private ScanConnection OpenScan() => ScanConnection.For(Open(), ownsConnection: true);

    // A read as CallScan's first: its own handle (without the mutex), in a read transaction that has read.
    private ScanConnection Reader()
    {
        var connection = OpenScan();
        Assert.True(connection.WithoutMutex);
        connection.BeginRead();
        return connection;
    }

    // "wal, empty": the sink closed, its WAL checkpointed away. "wal, with frames": a connection kept open after a
    // commit, checkpoints off, so the WAL holds frames. "rollback journal": the file switched to journal_mode DELETE.
    private SqliteConnection? PrepareJournal(string journal)
    {
        switch (journal)
        {
            case "wal, with frames":
                var writer = Open();
                Commit(writer, "PRAGMA wal_autocheckpoint = 0");
                Commit(writer, "CREATE TABLE unrelated (x); INSERT INTO unrelated VALUES (1)");
                Assert.True(new FileInfo(_db.Path + "-wal").Length > 32, "the WAL holds no frame");
                return writer;
            case "rollback journal":
                Commit(Open(), "PRAGMA journal_mode = DELETE");
                Assert.Equal("delete", _db.Scalar("PRAGMA journal_mode"));
                return null;
            default:
                Assert.False(File.Exists(_db.Path + "-wal") && new FileInfo(_db.Path + "-wal").Length > 0);
                return null;
        }
    }

    // 400 calls over five days: sports, books, types and bands mixed, 30 users, clicks on later days, results, closing
    // lines, test calls of /ml_test, calls without a league or a send time's expiry.
    private async Task WriteWorkloadAsync()
    {
        string[] sports = ["basketball_nba", "soccer_epl", "tennis_atp", "icehockey_nhl"];
        string[] books = ["pinnacle", "bet365", "unibet", "betway", "1xbet"];
        var schedule = new AnalyticsSchedule(async operations =>
        {
            await using var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(WrittenAt));
            await sink.WriteAsync(operations, CancellationToken.None);
            return null!;
        });
        for (var i = 0; i < 400; i++)
        {
            var id = "c" + ((i * 7919) % 400).ToString("D3", CultureInfo.InvariantCulture);
            var sentAt = Utc(3, 1, 0).AddMinutes(i * 17);
            long[] users = [.. Enumerable.Range(0, 3 + (i % 3)).Select(k => (long)((i * 5 + k * 7) % 30))];
            schedule.Call(
                id,
                sentAt,
                sport: i % 13 == 0 ? null : sports[i % sports.Length],
                bookA: books[i % books.Length],
                bookB: books[(i / 3) % books.Length],
                roi: (i % 70 / 10.0) - 1,
                users: users.Distinct().ToArray(),
                type: (CallType)(1 + (i % 3)),
                lifetime: i % 9 == 0 ? null : TimeSpan.FromMinutes(5 + (i % 40)),
                stake: i % 11 == 0 ? null : 100,
                dataSource: i % 37 == 0 ? "ml_test" : "odds_api",
                league: i % 5 == 0 ? null : "L" + (i % 4).ToString(CultureInfo.InvariantCulture),
                speed: (LineMovementSpeed)(i % 4));
            if (i % 3 != 0)
            {
                schedule.Click(id, users[i % users.Length], sentAt.AddMinutes(1 + (i % 4)).AddDays(i % 4 == 0 ? 1 : 0));
            }

            if (i % 2 == 0)
            {
                schedule.Result(id, (CallOutcome)(1 + (i % 4)), i % 10 == 0 ? null : (i % 9) - 3.5);
                schedule.Closing(id, 1.9 + (i % 7 / 10.0), 2.1 - (i % 5 / 10.0));
            }
        }

        await schedule.WriteAsync();
    }
}
