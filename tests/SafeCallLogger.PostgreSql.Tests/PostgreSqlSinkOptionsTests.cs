using SafeCallLogger.PostgreSql.Internal;

namespace SafeCallLogger.PostgreSql.Tests;

/// <summary>Defaults and validation of <see cref="PostgreSqlSinkOptions"/>.</summary>
public sealed class PostgreSqlSinkOptionsTests
{
    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var options = new PostgreSqlSinkOptions();

        Assert.Equal("public", options.SchemaName);
        Assert.Equal("arbitrage_calls", options.TableName);
        Assert.Equal(TimeSpan.FromSeconds(15), options.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
        Assert.Equal(4, options.MaxPoolSize);
        Assert.Equal(365, options.RetentionDays);
        Assert.Equal(500, options.RetentionBatchSize);
        Assert.Equal(10_000, options.MaxPendingOperations);
        Assert.Equal(TimeSpan.FromDays(7), options.PendingOperationTtl);
        Assert.Equal(TimeSpan.FromDays(7), options.AppliedOperationTtl);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_EverySettingWrong_EveryProblemListed()
    {
        var options = new PostgreSqlSinkOptions
        {
            SchemaName = "x;drop",
            TableName = "pg_calls",
            CommandTimeout = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.FromHours(1),
            MaxPoolSize = 101,
            RetentionDays = -1,
            RetentionBatchSize = 0,
            MaxPendingOperations = -1,
            PendingOperationTtl = TimeSpan.FromMinutes(1),
            AppliedOperationTtl = TimeSpan.FromMinutes(1),
        };

        var errors = options.Validate();

        foreach (var name in (string[])["SchemaName", "TableName", "CommandTimeout", "ConnectTimeout", "MaxPoolSize", "RetentionDays", "RetentionBatchSize", "MaxPendingOperations", "PendingOperationTtl", "AppliedOperationTtl"])
        {
            Assert.Contains(errors, e => e.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void DataSource_FromAConnectionString_SmallPoolAndFailFastTimeoutsUnlessTheStringSetsThem()
    {
        using var defaults = PgDataSources.Create("Host=db;Database=bots;Username=bot", new PostgreSqlSinkOptions());
        using var own = PgDataSources.Create("Host=db;Database=bots;Username=bot;Maximum Pool Size=9;Timeout=30;Application Name=bot7", new PostgreSqlSinkOptions());

        var d = new Npgsql.NpgsqlConnectionStringBuilder(defaults.ConnectionString);
        var o = new Npgsql.NpgsqlConnectionStringBuilder(own.ConnectionString);
        Assert.Equal((4, 5, 15, "SafeCallLogger"), (d.MaxPoolSize, d.Timeout, d.CommandTimeout, d.ApplicationName));
        Assert.Equal((9, 30, "bot7"), (o.MaxPoolSize, o.Timeout, o.ApplicationName));
    }
}
