using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>
/// A fleet: four real processes logging the same call ids into one database (each re-broadcasts every call the others
/// send), each clicking every call as its own user and as a user all four share. The totals must come out exact.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlFleetTests(PgServer server)
{
    private const int Processes = 4;
    private const int CallsPerProcess = 10_000;

    private readonly PgDatabase _db = new(server);

    [Fact]
    public async Task FourProcesses_SameCallIdsAndClicks_EveryCallStoredOnceWithExactTotals()
    {
        // As fast as they can: more than a writer takes, so each child spills to a journal of its own and replays it.
        var journals = Path.Combine(Path.GetTempPath(), "scl-pg-fleet-" + Guid.NewGuid().ToString("N")[..8]);
        var children = Enumerable.Range(1, Processes)
            .Select(p => CrashChildProcess.Start(
                "--postgres", _db.ConnectionString, "--count", CallsPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--prefix", "fleet_", "--click-user", p.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--mode", "Spill", "--journal", Path.Combine(journals, "p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        try
        {
            foreach (var child in children)
            {
                await child.EndAsync();
                Assert.Empty(child.Refused);
                Assert.Equal(CallsPerProcess, child.Accepted.Count);
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
        // is applied by the next batch of any writer: one more batch, as a live fleet always writes.
        await using (var sweeper = new PostgreSqlCallSink(_db.ConnectionString))
        {
            await sweeper.WriteAsync([TestData.Upsert("sweep")], CancellationToken.None);
        }

        Assert.Equal(0L, _db.Count("SELECT count(*) FROM arbitrage_calls_pending_ops"));
        var totals = _db.Row("""
            SELECT count(*) AS calls, min(total_users_notified) AS min_notified, max(total_users_notified) AS max_notified,
                   min(alert_clicked_count) AS min_clicks, max(alert_clicked_count) AS max_clicks,
                   min(total_users_bet) AS min_bet, max(total_users_bet) AS max_bet
            FROM arbitrage_calls WHERE call_id LIKE 'fleet_%'
            """);
        Assert.Equal(CallsPerProcess, Convert.ToInt32(totals["calls"], System.Globalization.CultureInfo.InvariantCulture));

        // Every process sent every call once (1 user each), clicked it as itself and as the shared user 0.
        Assert.Equal((Processes, Processes), ((int)totals["min_notified"]!, (int)totals["max_notified"]!));
        Assert.Equal((2 * Processes, 2 * Processes), ((int)totals["min_clicks"]!, (int)totals["max_clicks"]!));
        Assert.Equal((Processes + 1, Processes + 1), ((int)totals["min_bet"]!, (int)totals["max_bet"]!));
        Assert.Equal((long)CallsPerProcess * (Processes + 1), _db.Count("SELECT count(*) FROM arbitrage_calls_clicks WHERE call_id LIKE 'fleet_%'"));
    }
}
