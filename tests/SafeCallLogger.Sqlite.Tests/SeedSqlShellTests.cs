using SafeCallLogger.Sqlite.Tests.Support;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// Every SQL statement of the seeds (<see cref="SeedSql"/>), unchanged, in the real sqlite3 shell: on a table our
/// sink created, and on one the seed's own CREATE TABLE made that our sink then adopted.
/// </summary>
public sealed class SeedSqlShellTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public enum Origin
    {
        SinkCreated,
        SeedCreatedAndAdopted,
    }

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(Origin.SinkCreated)]
    [InlineData(Origin.SeedCreatedAndAdopted)]
    public async Task SeedGuideChecks_EitherTable_AnswerAsTheGuideSays(Origin origin)
    {
        var newest = await PrepareAsync(origin);

        var latest = await Sqlite3Shell.RunAsync(_db.Path, SeedSql.LatestCall);
        var clickedPlaceholder = await Sqlite3Shell.RunAsync(_db.Path, SeedSql.UsersClicked);
        var clicked = await Sqlite3Shell.RunAsync(_db.Path, SeedSql.UsersClicked.Replace("xxx", "a1", StringComparison.Ordinal));
        var afterADay = await Sqlite3Shell.RunScriptAsync(_db.Path, SeedSql.AfterADay);
        var count = await Sqlite3Shell.RunAsync(_db.Path, SeedSql.Count);

        var extra = origin == Origin.SeedCreatedAndAdopted ? 2 : 0;
        Assert.Single(latest);
        Assert.StartsWith(newest + "|", latest[0], StringComparison.Ordinal);
        Assert.Empty(clickedPlaceholder);
        Assert.Equal(["2"], clicked);
        Assert.Equal(
            origin == Origin.SeedCreatedAndAdopted
                ? ["6", "arbitrage|3", "good_ev|1", "middle|2", "1"]
                : ["4", "arbitrage|2", "good_ev|1", "middle|1", "1"],
            afterADay);
        Assert.Equal([(4 + extra).ToString(System.Globalization.CultureInfo.InvariantCulture)], count);
    }

    [Theory]
    [InlineData(Origin.SinkCreated)]
    [InlineData(Origin.SeedCreatedAndAdopted)]
    public async Task SeedClickUpdate_EitherTable_CountsTheClickForTheGuideAndForStats(Origin origin)
    {
        await PrepareAsync(origin);
        var before = await new SqliteCallStore(_db.ConnectionString).GetStatsAsync();

        // Seed 002's UPDATE unchanged; the shell binds ?1 as the Python code binds call_id.
        await Sqlite3Shell.RunAsync(_db.Path, ".parameter set ?1 'g1'", SeedSql.Click);

        Assert.Equal(["1|1"], await Sqlite3Shell.RunAsync(_db.Path, SeedSql.UsersClicked.Replace("xxx", "g1", StringComparison.Ordinal).Replace("users_clicked", "users_clicked, total_users_bet", StringComparison.Ordinal)));
        var after = await new SqliteCallStore(_db.ConnectionString).GetStatsAsync();
        Assert.Equal(before.CallsWithClicks + 1, after.CallsWithClicks);
        Assert.Equal(before.TotalUsersBet + 1, after.TotalUsersBet);
    }

    [Theory]
    [InlineData(Origin.SinkCreated)]
    [InlineData(Origin.SeedCreatedAndAdopted)]
    public async Task SeedCreateStatements_EitherTable_BehaveAsOnTheSeedsOwnFile(Origin origin)
    {
        await PrepareAsync(origin);

        // Seed 001's fix, its "(...)" filled with seed 002's columns: a no-op on an existing table.
        await Sqlite3Shell.RunAsync(_db.Path, SeedSql.CreateIfNotExists);

        // Seed 002's CREATE TABLE has no IF NOT EXISTS: on any file that has the table, the seed's own included, it
        // stops at "already exists" and changes nothing.
        var (exitCode, _, error) = await Sqlite3Shell.TryRunAsync(_db.Path, SeedSql.Create);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("table arbitrage_calls already exists", error, StringComparison.Ordinal);

        // As written, seed 001's "(...)" is a syntax error on every file, a new empty one too: the seed's elision.
        using var empty = new TempDatabase();
        var elided = await Sqlite3Shell.TryRunAsync(empty.Path, SeedSql.CreateIfNotExistsElided);
        Assert.Contains("syntax error", elided.Error, StringComparison.Ordinal);

        Assert.Equal(origin == Origin.SeedCreatedAndAdopted ? ["6"] : ["4"], await Sqlite3Shell.RunAsync(_db.Path, SeedSql.Count));
    }

    [Fact]
    public async Task SeedCreate_NewFile_CreatesTheTableTheSinkAdoptsWithItsAliases()
    {
        await Sqlite3Shell.RunAsync(_db.Path, SeedSql.Create);
        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync([Upsert("c1"), Click("c1", 5)], CancellationToken.None);
        }

        // The aliases read the brief's columns; writers keep writing those, and INSERT without a column list still
        // takes the seed's 34 values (generated columns are left out of it).
        Assert.Equal(["c1|2026-03-14 18:30:00.000|2026-03-14 18:30:00.000|1|1"], await Sqlite3Shell.RunAsync(_db.Path, "SELECT call_id, alert_sent_at, sent_at, alert_clicked_count, users_clicked FROM arbitrage_calls;"));
        await Sqlite3Shell.RunAsync(_db.Path, "INSERT INTO arbitrage_calls VALUES ('v1', 'middle', NULL, NULL, NULL, NULL, NULL, NULL, 'a', 'b', NULL, 2, 2, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-03-14 19:00:00', NULL, 0, 0, 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);");
        Assert.Equal(["3"], await Sqlite3Shell.RunAsync(_db.Path, SeedSql.UsersClicked.Replace("xxx", "v1", StringComparison.Ordinal)));
    }

    /// <summary>Four calls of ours (a1 clicked twice) and, when adopted, two rows the seed's Python logger wrote. Returns the newest call's id.</summary>
    private async Task<string> PrepareAsync(Origin origin)
    {
        if (origin == Origin.SeedCreatedAndAdopted)
        {
            await Sqlite3Shell.RunAsync(_db.Path, SeedSql.Create);
            await Sqlite3Shell.RunAsync(
                _db.Path,
                """
                INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, total_users_notified)
                VALUES ('py1', 'arbitrage', 'soccer_epl', 'Arsenal', 'Chelsea', 'bet365', 'unibet', 2.1, 2.0, 2.4, '2026-03-14 18:40:00', 12),
                       ('py2', 'middle', 'tennis_atp', 'Nadal', 'Federer', 'bet365', 'unibet', 1.9, 2.2, 1.1, '2026-03-14 18:50:00.250000', 3);
                """);
        }

        await using (var sink = new SqliteCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(Start)))
        {
            await sink.WriteAsync(
                [
                    Upsert("a1", at: Start),
                    Upsert("a2", at: Start.AddMinutes(5)),
                    Upsert("m1", type: CallType.Middle, at: Start.AddMinutes(15)),
                    Upsert("g1", type: CallType.GoodEv, at: Start.AddMinutes(45)),
                    Click("a1", 1),
                    Click("a1", 2),
                ],
                CancellationToken.None);
        }

        return "g1";
    }
}
