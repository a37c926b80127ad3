using System.Net.Sockets;
using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// Classifies failures of the write path, in one place: an outage (server down, restarting, unreachable, out of
/// resources, a serialization failure or deadlock, a timeout), retried with the whole batch by the logger; or a record
/// the server refuses for what it holds, set aside as a dead letter once <see cref="BatchBisection"/> has found which
/// operation it is.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>SQLSTATE</term><description>Meaning, class</description></listheader>
/// <item><term>22xxx</term><description>data exception (a value out of range, bad text, invalid JSON): data</description></item>
/// <item><term>23xxx</term><description>integrity constraint (NOT NULL, CHECK, a UNIQUE other than <c>call_id</c>): data. Every insert of ours names its conflict target, so a race between writers never raises one</description></item>
/// <item><term>42804, 42P18, 54000</term><description>a value of the wrong type, an index row too big: data</description></item>
/// <item><term>08xxx, 57P01/02/03, 53xxx, 40001, 40P01, 58xxx, 55P03, 57014</term><description>connection, shutdown, resources, serialization, deadlock, lock, cancel: outage</description></item>
/// <item><term>anything else</term><description>(a dropped table, 42501 permission) outage: the logger retries, alerts and journals; nothing is set aside</description></item>
/// </list>
/// </remarks>
internal static class PgErrors
{
    /// <summary>
    /// <see langword="true"/> when <paramref name="exception"/> says the data refused is at fault and healthy storage would
    /// refuse it the same way (see the table above); <see langword="false"/> for every outage.
    /// </summary>
    public static bool IsDataError(Exception exception) => exception switch
    {
        PostgresException pg => IsDataState(pg.SqlState),
        NpgsqlException => false,
        ArgumentException or FormatException or OverflowException or InvalidCastException => true,
        _ => false,
    };

    /// <summary>
    /// <see langword="true"/> for an outage the logger should retry: the server, the network or the load, never the
    /// data. Everything that is not <see cref="IsDataError"/> is treated as one; this says which are known to be.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>What storage said, on one line, for a dead letter and the log.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception is PostgresException pg
            ? $"PostgreSQL error {pg.SqlState}: {pg.MessageText}{(pg.ConstraintName is { } c ? $" (constraint {c})" : string.Empty)}{(pg.ColumnName is { } col ? $" (column {col})" : string.Empty)}"
            : $"{exception.GetType().Name}: {exception.Message}";
        return message.ReplaceLineEndings(" ");
    }

    private static bool IsDataState(string state) =>
        state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal) || state is "42804" or "42P18" or "54000";
}
