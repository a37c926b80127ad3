using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests;

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Meter_AfterLogging_ReportsAcceptedWrittenAndBatchSizes()
    {
        // A meter of this test's own: the listener below hears every SafeCallLogger meter in the process, and other
        // tests' loggers run in parallel.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var logger = new CallLogger(new InMemoryCallSink(), ownsSink: true, options: null, extraAlertHandlers: [], loggerFactory: null, timeProvider: null, meterFactory);
        var observed = new Dictionary<string, long>();
        var batchSizes = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CallLoggerDiagnostics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (observed)
            {
                observed[instrument.Name] = observed.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "safecalllogger.batch.size")
            {
                lock (batchSizes)
                {
                    batchSizes.Add(value);
                }
            }
        });
        listener.Start();

        for (var i = 0; i < 20; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        logger.IncrementClickSafe("???");
        await logger.FlushAsync(TestWait.Guard);
        listener.RecordObservableInstruments();

        Assert.Equal(20, observed["safecalllogger.operations.accepted"]);
        Assert.Equal(20, observed["safecalllogger.operations.written"]);
        Assert.Equal(1, observed["safecalllogger.operations.rejected"]);
        lock (batchSizes)
        {
            Assert.Equal(20, batchSizes.Sum());
        }

        await logger.DisposeAsync();
    }
}
