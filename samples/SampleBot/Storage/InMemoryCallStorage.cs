using System.Diagnostics;
using System.Globalization;
using System.Text;
using SafeCallLogger;

namespace SampleBot.Storage;

/// <summary>Storage kept in memory (tests, or <c>SampleBot:Storage=memory</c>): nothing survives the process.</summary>
internal sealed class InMemoryCallStorage : ICallStorage
{
    public InMemoryCallSink Sink { get; } = new();

    public string Description => "in memory";

    public void ConfigureSink(CallLoggerOptions options) => options.UseSink(Sink);


    public ICallStorage WithServices(IServiceProvider services) => this;

    public Task<string> GetStatsReportAsync(CallLoggerHealth health, CancellationToken cancellationToken)
    {
        var calls = Sink.GetCalls();
        var ic = CultureInfo.InvariantCulture;
        var text = new StringBuilder("ML CALL LOGGER STATS\n");
        text.Append(ic, $"Status: {(health.IsEnabled ? "ENABLED" : "DISABLED")} ({health.State})\n");
        text.Append(ic, $"Health: {health.HealthPercent:0.0}%  success {health.Successes}, errors {health.Errors}\n");
        text.Append(ic, $"Total calls stored: {calls.Count}\n");
        text.Append(ic, $"Sports covered: {calls.Select(c => c.Call.Sport).Distinct().Count()}\n");
        var notified = calls.Sum(c => c.TotalUsersNotified);
        var bet = calls.Sum(c => c.TotalUsersBet);
        text.Append(ic, $"Conversion: {(notified == 0 ? 0 : 100.0 * bet / notified):0.0}% ({bet} bets / {notified} notifications)");
        return Task.FromResult(text.ToString());
    }

    public async Task<SelfTestOutcome> SelfTestAsync(ICallLogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var result = logger.LogCallSafe(new CallRecord
        {
            CallId = "ml_test_" + Guid.NewGuid().ToString("N")[..16],
            CallType = CallType.Arbitrage,
            Sport = "test",
            TeamA = "ML TEST A",
            TeamB = "ML TEST B",
            BookmakerA = "test",
            BookmakerB = "test",
            OddsA = 2.1,
            OddsB = 2.1,
            RoiPercent = 0,
            UsersNotified = 0,
        });
        if (!result.IsAccepted)
        {
            return new SelfTestOutcome(false, $"ML TEST FAILED: the logger refused the test call ({result}).", watch.Elapsed);
        }

        await logger.FlushAsync(timeout, cancellationToken).ConfigureAwait(false);
        var stored = Sink.TryGetCall(result.CallId!, out _);
        return new SelfTestOutcome(
            stored,
            stored ? $"ML TEST OK: test call {result.CallId} written in {watch.Elapsed.TotalMilliseconds:0} ms." : "ML TEST FAILED: the test call was not written.",
            watch.Elapsed);
    }
}
