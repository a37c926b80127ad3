using System.Globalization;
using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>
/// A fleet: four real bot processes (tests/SafeCallLogger.CrashChild) on one fresh database, each re-broadcasting the
/// same 10,000 call ids (starting a quarter further along, so their batches overlap on rows in different orders) to
/// users of its own that overlap the others', and clicking every call with users that overlap too, one of them twice.
/// The totals at the end are exact: each call stored once, the users notified summed over the processes, a user's
/// clicks counted once per call in <c>total_users_bet</c>, every click in <c>alert_clicked_count</c>, every
/// operation id applied once and nothing left waiting.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlFleetTotalsTests(PgServer server)
{
    private const int Processes = 4;
    private const int CallsPerProcess = 10_000;

    private readonly PgDatabase _db = new(server);

    // Process p notifies users 100+p … 100+2p (p+1 users: 10 sends per call in all, 7 distinct users, 100 … 106).
    private static long[] Notified(int p) => [.. Enumerable.Range(100 + p, p + 1).Select(static u => (long)u)];

    // Process p clicks as 200+p twice and 201+p once: 12 clicks per call in all, 5 distinct users (200 … 204).
    private static long[] Clickers(int p) => [200 + p, 200 + p, 201 + p];

    [Fact]
    public async Task FourProcesses_SameCallIdsReBroadcastAndClicked_EveryCallOnceWithExactTotals()
    {
        var journals = Path.Combine(Path.GetTempPath(), "scl-fleet-" + Guid.NewGuid().ToString("N")[..12]);
        var children = Enumerable.Range(0, Processes).Select(p => CrashChildProcess.Start(
            "--postgres", _db.ConnectionString,
            "--count", CallsPerProcess.ToString(CultureInfo.InvariantCulture),
            "--start", (p * CallsPerProcess / Processes).ToString(CultureInfo.InvariantCulture),
            "--prefix", "fleet",
            "--notify", string.Join(',', Notified(p)),
            "--click", string.Join(',', Clickers(p)),
            // A tight loop outruns any store: the queue spills to each process's own journal, nothing is refused.
            "--mode", "Spill", "--journal", Path.Combine(journals, p.ToString(CultureInfo.InvariantCulture)),
            "--flush", "120")).ToList();
        try
        {
            foreach (var child in children)
            {
                await child.EndAsync();
                Assert.Empty(child.Refused);
                Assert.Equal(CallsPerProcess, child.Accepted.Count);

                // Deadlocks or serialization failures between writers may be retried (Errors > 0); nothing is set aside.
                Assert.Contains($"Accepted = {CallsPerProcess * (1 + Clickers(0).Length)},", child.Done, StringComparison.Ordinal);
                Assert.Contains("Pending = 0,", child.Done, StringComparison.Ordinal);
                Assert.Contains("Quarantined = 0,", child.Done, StringComparison.Ordinal);
                Assert.Contains("DeadLettered = 0,", child.Done, StringComparison.Ordinal);
            }
        }
        finally
        {
            children.ForEach(static c => c.Dispose());
            if (Directory.Exists(journals))
            {
                Directory.Delete(journals, recursive: true);
            }
        }

        // A click parked by one writer while another was inserting its call (neither saw the other's uncommitted row)
        // is applied by the next batch of any writer (docs/POSTGRESQL.md): one more batch, as a live fleet always writes.
        await using (var sweeper = new PostgreSqlCallSink(_db.ConnectionString))
        {
            await sweeper.WriteAsync([TestData.Upsert("sweep", usersNotified: 0)], CancellationToken.None);
        }

        var sends = Enumerable.Range(0, Processes).Sum(static p => Notified(p).Length);
        var clicks = Enumerable.Range(0, Processes).Sum(static p => Clickers(p).Length);
        var clickers = Enumerable.Range(0, Processes).SelectMany(Clickers).Distinct().Count();
        var notifiedUsers = Enumerable.Range(0, Processes).SelectMany(Notified).Distinct().Count();
        var operations = (long)Processes * CallsPerProcess * (1 + Clickers(0).Length);

        var calls = _db.Row($"""
            SELECT count(*) AS calls, count(DISTINCT call_id) AS ids,
                   count(*) FILTER (WHERE total_users_notified = {sends}) AS notified_ok,
                   count(*) FILTER (WHERE total_users_bet = {clickers}) AS bet_ok,
                   count(*) FILTER (WHERE alert_clicked_count = {clicks}) AS clicked_ok,
                   sum(total_users_notified) AS notified, sum(total_users_bet) AS bet, sum(alert_clicked_count) AS clicked
            FROM arbitrage_calls WHERE call_id LIKE 'fleet%'
            """);
        Assert.Equal(CallsPerProcess, Convert.ToInt64(calls["calls"], CultureInfo.InvariantCulture));
        Assert.Equal(CallsPerProcess, Convert.ToInt64(calls["ids"], CultureInfo.InvariantCulture));
        Assert.Equal(CallsPerProcess, Convert.ToInt64(calls["notified_ok"], CultureInfo.InvariantCulture));
        Assert.Equal(CallsPerProcess, Convert.ToInt64(calls["bet_ok"], CultureInfo.InvariantCulture));
        Assert.Equal(CallsPerProcess, Convert.ToInt64(calls["clicked_ok"], CultureInfo.InvariantCulture));
        Assert.Equal((long)CallsPerProcess * sends, Convert.ToInt64(calls["notified"], CultureInfo.InvariantCulture));
        Assert.Equal((long)CallsPerProcess * clickers, Convert.ToInt64(calls["bet"], CultureInfo.InvariantCulture));
        Assert.Equal((long)CallsPerProcess * clicks, Convert.ToInt64(calls["clicked"], CultureInfo.InvariantCulture));
        Assert.Equal(1L, _db.Count("SELECT count(*) FROM arbitrage_calls WHERE call_id NOT LIKE 'fleet%'")); // the sweep

        // The per-user rows: each (call, user) once, each click counted on its user.
        Assert.Equal((long)CallsPerProcess * notifiedUsers, _db.Count("SELECT count(*) FROM arbitrage_calls_notified_users"));
        Assert.Equal((long)CallsPerProcess * clickers, _db.Count("SELECT count(*) FROM arbitrage_calls_clicks"));
        Assert.Equal((long)CallsPerProcess * clicks, _db.Count("SELECT sum(click_count) FROM arbitrage_calls_clicks"));
        Assert.Equal(0L, _db.Count("""
            SELECT count(*) FROM arbitrage_calls_clicks
            WHERE click_count <> CASE user_id WHEN 200 THEN 2 WHEN 204 THEN 1 ELSE 3 END
            """));

        // Every operation of every process applied exactly once; nothing waits for a call, nothing was set aside.
        Assert.Equal(operations + 1, _db.Count("SELECT count(*) FROM arbitrage_calls_applied_ops"));
        Assert.Equal(0L, _db.Count("SELECT count(*) FROM arbitrage_calls_pending_ops"));
        Assert.Equal(0L, _db.Count("SELECT count(*) FROM arbitrage_calls_dead_letters"));

        // The stats totals the triggers keep agree with the rows.
        var stats = _db.Row("SELECT sum(calls) AS calls, sum(calls_with_clicks) AS with_clicks, sum(users_notified) AS notified, sum(users_bet) AS bet FROM arbitrage_calls_stats WHERE bucket = 't'");
        Assert.Equal(CallsPerProcess + 1, Convert.ToInt64(stats["calls"], CultureInfo.InvariantCulture));
        Assert.Equal(CallsPerProcess, Convert.ToInt64(stats["with_clicks"], CultureInfo.InvariantCulture));
        Assert.Equal((long)CallsPerProcess * sends, Convert.ToInt64(stats["notified"], CultureInfo.InvariantCulture));
        Assert.Equal((long)CallsPerProcess * clickers, Convert.ToInt64(stats["bet"], CultureInfo.InvariantCulture));
    }
}
