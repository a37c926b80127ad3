using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Diagnostics;

/// <summary>
/// The instruments by the OpenTelemetry conventions. Collectors are scoped to one container's <see cref="IMeterFactory"/>,
/// so loggers of tests running in parallel never add to what these observe.
/// </summary>
public sealed class CallLoggerMetricsTests : IDisposable
{
    private readonly string _journal = Path.Combine(Path.GetTempPath(), "scl-metrics-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_journal))
        {
            Directory.Delete(_journal, recursive: true);
        }
    }

    [Fact]
    public async Task BatchDuration_AfterAWrite_AHistogramInSeconds()
    {
        await using var provider = Container(new InMemoryCallSink());
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var duration = new MetricCollector<double>(factory, CallLoggerDiagnostics.MeterName, "safecalllogger.batch.duration");
        using var size = new MetricCollector<int>(factory, CallLoggerDiagnostics.MeterName, "safecalllogger.batch.size");
        var logger = provider.GetRequiredService<ICallLogger>();

        for (var i = 0; i < 20; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);

        Assert.IsType<Histogram<double>>(duration.Instrument);
        Assert.Equal("s", duration.Instrument!.Unit);
        Assert.NotEmpty(duration.GetMeasurementSnapshot());
        // An in-memory write takes microseconds: a value of a millisecond or more would be milliseconds mislabelled.
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 1));
        Assert.Equal(20, size.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task OperationsDropped_RefusedWhileStopped_CountedUnderTheNamespacedReasonAttribute()
    {
        await using var provider = Container(new InMemoryCallSink());
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var dropped = new MetricCollector<long>(factory, CallLoggerDiagnostics.MeterName, "safecalllogger.operations.dropped");
        var logger = (CallLogger)provider.GetRequiredService<ICallLogger>();
        await logger.StopAsync(TestWait.Guard);

        Assert.Equal(LogStatus.Stopped, logger.LogCallSafe(Calls.Arbitrage()).Status);
        dropped.RecordObservableInstruments();

        var measurements = dropped.GetMeasurementSnapshot();
        var stopped = Assert.Single(measurements, m => m.Tags.TryGetValue(CallLoggerMetrics.DropReason, out var r) && (string?)r == "stopped");
        Assert.Equal(1, stopped.Value);
        Assert.Equal(6, measurements.Count);
        Assert.All(measurements, m => Assert.Equal([CallLoggerMetrics.DropReason], m.Tags.Keys));
    }

    [Fact]
    public async Task MeterFactory_TwoContainers_EachCollectorSeesOnlyItsOwnLogger()
    {
        await using var first = Container(new InMemoryCallSink());
        await using var second = Container(new InMemoryCallSink());
        using var firstAccepted = new MetricCollector<long>(first.GetRequiredService<IMeterFactory>(), CallLoggerDiagnostics.MeterName, "safecalllogger.operations.accepted");
        using var secondAccepted = new MetricCollector<long>(second.GetRequiredService<IMeterFactory>(), CallLoggerDiagnostics.MeterName, "safecalllogger.operations.accepted");

        for (var i = 0; i < 5; i++)
        {
            first.GetRequiredService<ICallLogger>().LogCallSafe(Calls.Arbitrage(i));
        }

        for (var i = 0; i < 7; i++)
        {
            second.GetRequiredService<ICallLogger>().LogCallSafe(Calls.Arbitrage(i));
        }

        firstAccepted.RecordObservableInstruments();
        secondAccepted.RecordObservableInstruments();

        Assert.Equal(5, Assert.Single(firstAccepted.GetMeasurementSnapshot()).Value);
        Assert.Equal(7, Assert.Single(secondAccepted.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void MeterFactory_Given_TheFactoryOwnsTheMeterAndDisposingTheMetricsLeavesIt()
    {
        var services = new ServiceCollection().AddMetrics();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        var metrics = new CallLoggerMetrics(new LoggerCounters(), factory);
        using var accepted = new MetricCollector<long>(factory, CallLoggerDiagnostics.MeterName, "safecalllogger.operations.accepted");

        metrics.Dispose();
        accepted.RecordObservableInstruments();

        Assert.Same(factory, metrics.Meter.Scope);
        Assert.Single(accepted.GetMeasurementSnapshot());
    }

    [Fact]
    public void MeterFactory_None_OwnMeterDisposedWithTheMetrics()
    {
        var metrics = new CallLoggerMetrics(new LoggerCounters());
        var completed = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (_, _) => Interlocked.Increment(ref completed),
        };
        listener.Start();

        metrics.Dispose();

        Assert.Null(metrics.Meter.Scope);
        Assert.Equal(8, Volatile.Read(ref completed));
    }

    [Fact]
    public async Task Instruments_AllOfThem_AreInTheTableOfDocsMetricsWithTheirKindAndUnit()
    {
        await using var provider = Container(new InMemoryCallSink(), journal: _journal);
        var factory = provider.GetRequiredService<IMeterFactory>();
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == CallLoggerDiagnostics.MeterName)
                {
                    lock (published)
                    {
                        published.Add(instrument);
                    }
                }
            },
        };
        _ = provider.GetRequiredService<ICallLogger>();
        listener.Start();

        var table = File.ReadAllLines(Path.Combine(DocsFolder(), "METRICS.md"));
        lock (published)
        {
            Assert.Equal(13, published.Count);
            foreach (var instrument in published)
            {
                var row = $"| `{instrument.Name}` | `{Kind(instrument)}` | `{instrument.Unit}` |";
                Assert.True(table.Any(line => line.StartsWith(row, StringComparison.Ordinal)), $"docs/METRICS.md has no row starting {row}");
            }
        }
    }

    private static ServiceProvider Container(ICallSink sink, string? journal = null)
    {
        var services = new ServiceCollection().AddMetrics();
        services.AddSafeCallLogger(o =>
        {
            o.UseSink(sink);
            o.Journal.Mode = journal is null ? JournalMode.Off : JournalMode.Spill;
            o.Journal.Directory = journal;
        });
        return services.BuildServiceProvider();
    }

    private static string Kind(Instrument instrument)
    {
        var type = instrument.GetType();
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        var argument = type.GetGenericArguments()[0];
        var alias = argument == typeof(long) ? "long" : argument == typeof(int) ? "int" : argument == typeof(double) ? "double" : argument.Name;
        return $"{name}<{alias}>";
    }

    private static string DocsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafeCallLogger.sln")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }

        throw new DirectoryNotFoundException("SafeCallLogger.sln not found above " + AppContext.BaseDirectory);
    }
}
