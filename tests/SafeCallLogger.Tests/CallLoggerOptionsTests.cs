using System.Globalization;

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

    [Fact]
    public void Limits_EveryBoundedSetting_DeclaresItOnceByAttributeAndItsSummaryStatesExactlyThat()
    {
        var settings = OptionLimits.Read(typeof(CallLoggerOptions));

        var bounded = settings.Where(s => s.Limit is not null).ToList();
        Assert.Equal(19, bounded.Count);
        Assert.All(bounded, s => Assert.True(s.Summary.Contains(s.Limit!, StringComparison.Ordinal), $"{s.Property}: the summary must say \"{s.Limit}\": {s.Summary}"));
        Assert.All(settings.Where(s => s.Limit is null), s => Assert.DoesNotMatch(@"\b(Between|At least|Greater than)\b", s.Summary));
    }

    [Theory]
    [InlineData(nameof(CallLoggerOptions.QueueCapacity), "0", "QueueCapacity must be between 1 and 1,000,000 (was 0).")]
    [InlineData(nameof(CallLoggerOptions.PoisonAttempts), "0", "PoisonAttempts must be between 1 and 1,000 (was 0).")]
    [InlineData(nameof(CallLoggerOptions.ErrorAlertThreshold), "0", "ErrorAlertThreshold must be at least 1 (was 0).")]
    [InlineData(nameof(CallLoggerOptions.QueueWarningRatio), "0", "QueueWarningRatio must be greater than 0, at most 1 (was 0).")]
    [InlineData(nameof(CallLoggerOptions.QueueWarningRatio), "NaN", "QueueWarningRatio must be greater than 0, at most 1 (was NaN).")]
    [InlineData(nameof(CallLoggerOptions.MaxBatchDelay), "00:00:11", "MaxBatchDelay must be between 0 and 10 seconds (was 00:00:11).")]
    [InlineData(nameof(CallLoggerOptions.WriteTimeout), "00:00:00", "WriteTimeout must be greater than 0, at most 1 day (was 00:00:00).")]
    [InlineData(nameof(CallLoggerOptions.ShutdownTimeout), "-00:00:01", "ShutdownTimeout must be between 0 and 1 day (was -00:00:01).")]
    public void Validate_OneBadSetting_OneSentenceNamingItAndItsValue(string property, string value, string expected)
    {
        var options = new CallLoggerOptions();
        var setting = typeof(CallLoggerOptions).GetProperty(property)!;
        setting.SetValue(options, Type.GetTypeCode(setting.PropertyType) switch
        {
            TypeCode.Int32 => int.Parse(value, CultureInfo.InvariantCulture),
            TypeCode.Double => double.Parse(value, CultureInfo.InvariantCulture),
            _ => TimeSpan.Parse(value, CultureInfo.InvariantCulture),
        });

        Assert.Equal([expected], options.Validate());
    }

    [Fact]
    public void Validate_ZeroDelaysEverywhere_RefusedBecauseADeadSinkWouldBeRetriedInAHotLoop()
    {
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, ProbeInterval = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.Equal(["ProbeInterval must be greater than 0, at most 1 day (was 00:00:00)."], errors);
    }

    [Fact]
    public void Validate_ZeroBaseDelayThatNeverDisables_RefusedBecauseEveryRetryIsImmediate()
    {
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.FromSeconds(10), DisableAfterConsecutiveErrors = int.MaxValue };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("DisableAfterConsecutiveErrors must be at most 1,000 when RetryBaseDelay is zero", error, StringComparison.Ordinal);
        Assert.Contains("(was 2,147,483,647)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroRetryDelaysThatDisableAndThenProbe_Accepted()
    {
        var options = new CallLoggerOptions { RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, DisableAfterConsecutiveErrors = 1000, ProbeInterval = TimeSpan.FromMilliseconds(1) };

        Assert.Empty(options.Validate());
    }
}
