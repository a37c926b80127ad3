using System.Collections.Concurrent;
using SafeCallLogger.PostgreSql.Tests.Support;
using static SafeCallLogger.PostgreSql.Tests.Support.TestData;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>
/// The server itself goes away: <c>pg_ctl stop -m fast</c> while a bot logs calls and clicks, started again 10 s
/// later. On a server of this test's own (a second instance, own directory and port), so the run's shared server and
/// the other tests never see the outage. In the same collection, so it does not compete with them for the CPU.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlServerOutageTests
{
    // The fault: how long the server stays down. Waiting for it is the outage, not a timing assertion.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    // The bot's pace: a call and a click every 20 ms, well above a real bot's 100+ calls a day.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task LogCallSafe_ServerStoppedTenSecondsMidRun_NothingAcceptedLostAlertRaisedAndHealthRecovers()
    {
        var server = new PgServer();
        await server.InitializeAsync();
        var journal = Path.Combine(Path.GetTempPath(), "scl-outage-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Assert.True(server.Owned, $"the outage test stops its own server; unset {PgServer.EnvironmentVariable} so it can start one");
            var db = new PgDatabase(server);
            var alerts = new ConcurrentQueue<CallLoggerAlert>();
            var options = new CallLoggerOptions { ErrorAlertThreshold = 3, RetryMaxDelay = TimeSpan.FromSeconds(1), MaxBatchSize = 50 }
                .OnAlert((alert, _) =>
                {
                    alerts.Enqueue(alert);
                    return Task.CompletedTask;
                });
            options.Journal.Mode = JournalMode.Spill;
            options.Journal.Directory = journal;

            var accepted = new ConcurrentQueue<string>();
            long refused = 0, clicks = 0;
            await using (var logger = new CallLogger(new PostgreSqlCallSink(db.ConnectionString), options))
            {
                using var stopBot = new CancellationTokenSource();
                var bot = Task.Run(async () =>
                {
                    using var timer = new PeriodicTimer(Pace);
                    for (var n = 0; !stopBot.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None); n++)
                    {
                        var id = $"o{n:D6}";
                        if (logger.LogCallSafe(Call(id, users: [1, 2, 3])).IsAccepted)
                        {
                            accepted.Enqueue(id);
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                        }

                        if (logger.IncrementClickSafe(id, n % 7).IsAccepted)
                        {
                            Interlocked.Increment(ref clicks);
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                });

                await TestWait.Until(() => logger.GetHealth().Written >= 100, "the first calls to be stored");
                await server.StopAsync("fast");
                var loggedAtStop = accepted.Count;
                await Task.Delay(Outage);
                Assert.True(accepted.Count > loggedAtStop, "the bot kept logging while the server was down");
                await TestWait.Until(() => alerts.Any(static a => a.Kind == CallLoggerAlertKind.Errors), "the admin to be alerted of the errors");
                await server.StartAsync();

                // The bot goes on; once the outage's backlog and newer calls are stored, it stops and the rest is flushed.
                var loggedAtRestart = accepted.Count;
                await TestWait.Until(() => logger.GetHealth() is { ConsecutiveErrors: 0, Written: var w } && w >= 2L * (loggedAtRestart + 20), "the backlog to be written after the restart");
                await stopBot.CancelAsync();
                await bot.WaitAsync(TestWait.Guard);
                Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
                await TestWait.Until(() => alerts.Any(static a => a.Kind == CallLoggerAlertKind.Recovered), "the admin to be told storage works again");

                var health = logger.GetHealth();
                Assert.Equal(CallLoggerState.Running, health.State);
                Assert.True(health.Errors >= 3, $"writes failed while the server was down ({health.Errors} errors)");
                Assert.Equal(0, health.ConsecutiveErrors);
                Assert.Equal(0L, health.Pending);
                Assert.Equal(0L, health.Quarantined + health.DeadLettered + health.DroppedQueueFull + health.DroppedOverwritten + health.DroppedDisabled);
                Assert.True(health.Journaled > 0, "the outage's operations went through the journal");
            }

            Assert.Equal(0L, refused);
            Assert.Equal(accepted.Count, db.Count("SELECT count(*) FROM arbitrage_calls"));
            Assert.Equal(0L, db.Count($"SELECT count(*) FROM arbitrage_calls WHERE call_id NOT IN ('{string.Join("','", accepted)}')"));
            Assert.Equal(clicks, db.Count("SELECT sum(alert_clicked_count) FROM arbitrage_calls"));
            Assert.Equal(3L * accepted.Count, db.Count("SELECT sum(total_users_notified) FROM arbitrage_calls"));
            Assert.Equal(0L, db.Count("SELECT count(*) FROM arbitrage_calls_pending_ops"));
            Assert.Equal(accepted.Count + clicks, db.Count("SELECT count(*) FROM arbitrage_calls_applied_ops"));
        }
        finally
        {
            await server.DisposeAsync();
            if (Directory.Exists(journal))
            {
                Directory.Delete(journal, recursive: true);
            }
        }
    }
}
