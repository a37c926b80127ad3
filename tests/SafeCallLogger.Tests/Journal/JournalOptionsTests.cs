namespace SafeCallLogger.Tests.Journal;

public sealed class JournalOptionsTests
{
    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var options = new CallLoggerOptions().Journal;

        Assert.Equal(JournalMode.Auto, options.Mode);
        Assert.Null(options.Directory);
        Assert.Equal(256L << 20, options.MaxBytes);
        Assert.Equal(8 << 20, options.SegmentBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), options.SyncInterval);
        Assert.Equal(0.5, options.SpillQueueRatio);
    }

    [Fact]
    public void Limits_EveryBoundedSetting_DeclaresItOnceByAttributeAndItsSummaryStatesExactlyThat()
    {
        var bounded = OptionLimits.Read(typeof(JournalOptions)).Where(s => s.Limit is not null).ToList();

        Assert.Equal(2, bounded.Count);
        Assert.All(bounded, s => Assert.True(s.Summary.Contains(s.Limit!, StringComparison.Ordinal), $"{s.Property}: the summary must say \"{s.Limit}\": {s.Summary}"));
    }

    [Fact]
    public void Validate_EveryBadJournalSetting_ReportedWithTheOthers()
    {
        var options = new CallLoggerOptions { QueueCapacity = 0 };
        options.Journal.Mode = (JournalMode)9;
        options.Journal.MaxBytes = 1024;
        options.Journal.SegmentBytes = 100;
        options.Journal.SyncInterval = TimeSpan.FromTicks(1);
        options.Journal.SpillQueueRatio = 0;
        options.Journal.Directory = " ";

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("QueueCapacity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Journal.Mode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Journal.MaxBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SegmentBytes must be between 65,536 and 1,073,741,824 (was 100)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("SpillQueueRatio must be greater than 0, at most 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Journal.SyncInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Journal.Directory", StringComparison.Ordinal));
    }

    [Fact]
    public void CallLoggerCtor_SpillWithASinkThatNamesNoPlaceAndNoDirectory_ThrowsSayingWhatToSet()
    {
        var options = new CallLoggerOptions();
        options.Journal.Mode = JournalMode.Spill;

        var ex = Assert.Throws<ArgumentException>(() => new CallLogger(new InMemoryCallSink(), options));

        Assert.Contains("Journal.Directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallLogger_AutoWithASinkThatNamesNoPlace_RunsWithoutAJournal()
    {
        await using var logger = new CallLogger(new InMemoryCallSink());

        Assert.Equal(JournalMode.Off, logger.GetHealth().JournalMode);
        Assert.Null(logger.GetHealth().JournalDirectory);
    }

    [Fact]
    public void Clone_ChangingTheOriginalsJournalAfterwards_DoesNotReachTheCopy()
    {
        var options = new CallLoggerOptions();
        options.Journal.MaxBytes = 2L << 20;
        var copy = options.Clone();

        options.Journal.MaxBytes = 4L << 20;

        Assert.Equal(2L << 20, copy.Journal.MaxBytes);
    }
}
