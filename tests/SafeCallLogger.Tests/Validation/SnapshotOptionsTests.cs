namespace SafeCallLogger.Tests.Validation;

public sealed class SnapshotOptionsTests
{
    [Fact]
    public void Ctor_SnapshotLimits_EnsureDefaultValues()
    {
        var options = new CallLoggerOptions();

        Assert.Equal(64 * 1024, options.MaxRawDataBytes);
        Assert.Equal(32, options.MaxRawDataDepth);
        Assert.Equal(100_000, options.MaxNotifiedUsers);
    }

    [Fact]
    public void Validate_SnapshotLimitsOutOfRange_ReportsEachOne()
    {
        var options = new CallLoggerOptions { MaxRawDataBytes = 0, MaxRawDataDepth = 257, MaxNotifiedUsers = -1 };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("MaxRawDataBytes must be between 2 and", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxRawDataDepth must be between 1 and 256", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxNotifiedUsers must be between 0 and", StringComparison.Ordinal));
    }
}
