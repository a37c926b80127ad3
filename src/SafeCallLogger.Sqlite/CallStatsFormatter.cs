namespace SafeCallLogger.Sqlite;

/// <summary>Renders <see cref="CallStats"/> as the <c>/ml_stats</c> admin message.</summary>
public static class CallStatsFormatter
{
    /// <summary>Formats.</summary>
    /// <param name="stats">Stats.</param>
    public static string Format(CallStats stats) => throw new NotImplementedException();
}
