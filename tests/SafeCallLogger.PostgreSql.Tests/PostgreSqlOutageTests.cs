using SafeCallLogger.PostgreSql.Tests.Support;
using static SafeCallLogger.PostgreSql.Tests.Support.TestData;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>The server stopped under a running logger and started again: an outage, retried, and every accepted call stored.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlOutageTests(PgServer server)
{
    private readonly PgDatabase _db = new(server);

    [Fact]
    public async Task LogCallSafe_ServerStoppedFastMidRunThenStarted_EveryAcceptedCallStoredOnce()
    {
        var options = new CallLoggerOptions { MaxBatchSize = 25, RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromMilliseconds(500) };
        await using var logger = new CallLogger(new PostgreSqlCallSink(_db.ConnectionString), options);
        var accepted = 0;
        for (var i = 0; i < 150; i++)
        {
            accepted += logger.LogCallSafe(Call($"before{i}")).IsAccepted ? 1 : 0;
        }

        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        await StopAsync();

        // Logged while the server is down: accepted into the queue, written once it is back.
        for (var i = 0; i < 150; i++)
        {
            accepted += logger.LogCallSafe(Call($"during{i}")).IsAccepted ? 1 : 0;
        }

        var failures = server.Owned ? 3 : 1;
        await TestWait.Until(() => logger.GetHealth().Errors >= failures, "the logger to fail writes against the stopped server");
        await StartAsync();
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);

        Assert.Equal(300, accepted);
        Assert.Equal(300L, _db.Count("SELECT count(*) FROM arbitrage_calls"));
        Assert.Equal(300L, _db.Count("SELECT sum(total_users_notified) FROM arbitrage_calls"));
        Assert.Equal(0, logger.GetHealth().ConsecutiveErrors);

        // The sink names a place for the journal, so the default JournalMode.Auto spills there during an outage.
        Assert.Equal(JournalMode.Spill, logger.GetHealth().JournalMode);
    }

    // A server this run did not start (SAFECALL_TEST_POSTGRES) cannot be stopped: its backends are terminated instead,
    // and new connections succeed at once, so the outage is shorter but takes the same path.
    private Task StopAsync() => server.Owned ? server.StopAsync("fast") : Task.Run(() => _db.Count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t"));

    private Task StartAsync() => server.Owned ? server.StartAsync() : Task.CompletedTask;
}
