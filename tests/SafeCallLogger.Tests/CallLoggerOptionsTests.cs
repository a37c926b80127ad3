namespace SafeCallLogger.Tests;

public sealed class CallLoggerOptionsTests
{
    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var options = new CallLoggerOptions();

        Assert.Equal(1000, options.QueueCapacity);
        Assert.Equal(QueueFullMode.RejectNew, options.QueueFullMode);
        Assert.Equal(256, options.MaxBatchSize);
        Assert.Equal(TimeSpan.Zero, options.MaxBatchDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.WriteTimeout);
        Assert.Equal(10, options.ErrorAlertThreshold);
        Assert.Equal(100, options.DisableAfterConsecutiveErrors);
        Assert.Equal(0.8, options.QueueWarningRatio);
        Assert.Equal(TimeSpan.FromMinutes(5), options.AlertMinInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ShutdownTimeout);
        Assert.Equal(3, options.PoisonAttempts);
        Assert.Null(options.SinkFactory);
        Assert.Empty(options.AlertHandlers);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOneAtOnce()
    {
        var options = new CallLoggerOptions
        {
            QueueCapacity = 0,
            MaxBatchSize = -1,
            QueueWarningRatio = 1.5,
            WriteTimeout = TimeSpan.Zero,
            RetryBaseDelay = TimeSpan.FromSeconds(20),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            QueueFullMode = (QueueFullMode)42,
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("QueueCapacity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxBatchSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("QueueWarningRatio", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WriteTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RetryMaxDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("QueueFullMode", StringComparison.Ordinal));
    }

    [Fact]
    public void CallLoggerCtor_InvalidOptions_ThrowsWithEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CallLogger(new InMemoryCallSink(), new CallLoggerOptions { QueueCapacity = 0, MaxBatchSize = 0 }));

        Assert.Contains("QueueCapacity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBatchSize", ex.Message, StringComparison.Ordinal);
    }
}
