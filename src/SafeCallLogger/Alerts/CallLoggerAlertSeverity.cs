namespace SafeCallLogger;

/// <summary>How urgent an alert is.</summary>
public enum CallLoggerAlertSeverity
{
    /// <summary>Good news or a notice: nothing to do.</summary>
    Information = 0,

    /// <summary>Something is wrong but nothing accepted is lost yet.</summary>
    Warning = 1,

    /// <summary>The logger stopped accepting calls.</summary>
    Critical = 2,
}
