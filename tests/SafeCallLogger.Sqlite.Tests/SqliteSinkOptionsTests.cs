using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests;

public sealed class SqliteSinkOptionsTests
{
    [Fact]
    public void Ctor_Defaults_AreTheDocumentedOnes()
    {
        var options = new SqliteSinkOptions();

        Assert.Equal("arbitrage_calls", options.TableName);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BusyTimeout);
        Assert.Equal(5, options.LockRetryCount);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.LockRetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.LockRetryMaxDelay);
        Assert.Equal(365, options.RetentionDays);
        Assert.Equal(500, options.RetentionBatchSize);
        Assert.Equal(10_000, options.MaxPendingOperations);
        Assert.Equal(TimeSpan.FromDays(7), options.PendingOperationTtl);
        Assert.Equal(TimeSpan.FromDays(7), options.AppliedOperationTtl);
        Assert.Null(options.BackupDirectory);
        Assert.Equal(TimeSpan.FromDays(14), options.BackupInterval);
        Assert.Equal(5, options.BackupsToKeep);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void WorstCaseLockWait_Defaults_StayWellUnderTheLoggerDefaultWriteTimeout()
    {
        var options = new SqliteSinkOptions();

        // 6 attempts x 2 s + 50 + 100 + 200 + 400 + 800 ms of backoff.
        Assert.Equal(TimeSpan.FromMilliseconds(13_550), options.WorstCaseLockWait);
        Assert.True(options.WorstCaseLockWait < new CallLoggerOptions().WriteTimeout * 0.5, options.WorstCaseLockWait.ToString());
    }

    [Fact]
    public void WorstCaseLockWait_FractionalBusyTimeout_CountsTheDriverBusyLoop()
    {
        var options = new SqliteSinkOptions { BusyTimeout = TimeSpan.FromMilliseconds(500), LockRetryCount = 0 };

        Assert.Equal(TimeSpan.FromMilliseconds(1_500), options.WorstCaseLockWait);
    }

    [Theory]
    [InlineData("arbitrage_calls; DROP TABLE users")]
    [InlineData("calls\"--")]
    [InlineData("1calls")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("sqlite_master")]
    [InlineData("my-calls")]
    [InlineData("caf\u00e9")]
    [InlineData("a123456789012345678901234567890123456789x")]
    public void Validate_TableNameNotAPlainIdentifier_ReportsIt(string name)
    {
        var errors = new SqliteSinkOptions { TableName = name }.Validate();

        Assert.Single(errors);
        Assert.StartsWith("TableName", errors[0], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SqliteCallSink("Data Source=x.db", new SqliteSinkOptions { TableName = name }));
        Assert.Throws<ArgumentException>(() => new SqliteCallStore("Data Source=x.db", new SqliteSinkOptions { TableName = name }));
    }

    [Theory]
    [InlineData("ml_calls")]
    [InlineData("_calls2")]
    [InlineData("ArbitrageCalls")]
    public void Validate_PlainIdentifier_Accepted(string name) =>
        Assert.Empty(new SqliteSinkOptions { TableName = name }.Validate());

    [Fact]
    public void Validate_ManyBadSettings_ReportsEveryProblemAtOnce()
    {
        var errors = new SqliteSinkOptions
        {
            TableName = "x y",
            BusyTimeout = TimeSpan.FromSeconds(-1),
            LockRetryCount = -1,
            LockRetryBaseDelay = TimeSpan.FromSeconds(3),
            RetentionDays = -5,
            RetentionBatchSize = 0,
            MaxPendingOperations = -1,
            PendingOperationTtl = TimeSpan.Zero,
            AppliedOperationTtl = TimeSpan.Zero,
            BackupDirectory = " ",
            BackupInterval = TimeSpan.Zero,
            BackupsToKeep = 0,
        }.Validate();

        Assert.Equal(12, errors.Count);
    }

    [Fact]
    public void Limits_EveryBoundedSetting_DeclaresItOnceByAttributeAndItsSummaryStatesExactlyThat()
    {
        var settings = OptionLimits.Read(typeof(SqliteSinkOptions));

        var bounded = settings.Where(s => s.Limit is not null).ToList();
        Assert.Equal(11, bounded.Count);
        Assert.All(bounded, s => Assert.True(s.Summary.Contains(s.Limit!, StringComparison.Ordinal), $"{s.Property}: the summary must say \"{s.Limit}\": {s.Summary}"));
        Assert.All(settings.Where(s => s.Limit is null), s => Assert.DoesNotMatch(@"\b(Between|At least|Greater than)\b", s.Summary));
    }

    [Theory]
    [InlineData(nameof(SqliteSinkOptions.RetentionDays), "-5", "RetentionDays must be between 0 and 36,500 (was -5).")]
    [InlineData(nameof(SqliteSinkOptions.BackupsToKeep), "0", "BackupsToKeep must be between 1 and 1,000 (was 0).")]
    [InlineData(nameof(SqliteSinkOptions.BusyTimeout), "00:05:01", "BusyTimeout must be between 0 and 5 minutes (was 00:05:01).")]
    [InlineData(nameof(SqliteSinkOptions.PendingOperationTtl), "00:59:00", "PendingOperationTtl must be between 1 hour and 3,650 days (was 00:59:00).")]
    [InlineData(nameof(SqliteSinkOptions.BackupInterval), "366.00:00:00", "BackupInterval must be between 1 minute and 365 days (was 366.00:00:00).")]
    public void Validate_OneBadSetting_OneSentenceNamingItAndItsValue(string property, string value, string expected)
    {
        var options = new SqliteSinkOptions();
        var setting = typeof(SqliteSinkOptions).GetProperty(property)!;
        setting.SetValue(options, setting.PropertyType == typeof(int) ? int.Parse(value, CultureInfo.InvariantCulture) : TimeSpan.Parse(value, CultureInfo.InvariantCulture));

        Assert.Equal([expected], options.Validate());
    }

    [Fact]
    public void UseSqlite_InvalidOptions_ThrowsAtConfigurationTime()
    {
        var options = new CallLoggerOptions();

        var error = Assert.Throws<ArgumentException>(() => options.UseSqlite("Data Source=x.db", o => o.TableName = "x; DROP TABLE y"));

        Assert.Contains("TableName", error.Message, StringComparison.Ordinal);
        Assert.Null(options.SinkFactory);
    }

    [Fact]
    public async Task UseSqlite_AddSafeCallLogger_LogsIntoTheDatabaseAndDisposesTheSink()
    {
        using var db = new TempDatabase();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestData.Start));
        services.AddSafeCallLogger(o => o.UseSqlite(db.ConnectionString, s => s.TableName = "calls"));
        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var logger = provider.GetRequiredService<ICallLogger>();
            var result = logger.LogCallSafe(TestData.Call());
            Assert.True(result.IsAccepted);
            Assert.True((await logger.FlushAsync(TimeSpan.FromSeconds(30))).Completed);
            Assert.Equal("2026-03-14 18:30:00.000", db.Scalar($"SELECT alert_sent_at FROM calls WHERE call_id = '{result.CallId}'"));
        }

        // Disposed with the container: the last connection closed, so SQLite checkpointed and removed the WAL file.
        Assert.True(File.Exists(db.Path));
        Assert.False(File.Exists(db.Path + "-wal"));
    }
}
