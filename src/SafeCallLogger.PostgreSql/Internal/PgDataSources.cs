using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>Builds the data source of a connection string with the package's small pool and fail-fast timeouts.</summary>
internal static class PgDataSources
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/> with <see cref="PostgreSqlSinkOptions.MaxPoolSize"/>,
    /// <see cref="PostgreSqlSinkOptions.ConnectTimeout"/> and <see cref="PostgreSqlSinkOptions.CommandTimeout"/>
    /// unless the string sets them itself, and an application name that shows the writer in <c>pg_stat_activity</c>.
    /// Opens nothing. Throws <see cref="ArgumentException"/> on a malformed string.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, PostgreSqlSinkOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }

        if (!Sets(connectionString, "Timeout"))
        {
            builder.Timeout = (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds);
        }

        if (!Sets(connectionString, "Command Timeout", "CommandTimeout"))
        {
            builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "SafeCallLogger";
        }

        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    private static bool Sets(string connectionString, params string[] keys)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(parsed.ContainsKey);
    }
}
