namespace SafeCallLogger;

/// <summary>How fast the bookmakers moved the line after the alert. Stored in <c>line_movement_speed</c> as <c>fast</c>, <c>normal</c> or <c>slow</c>.</summary>
public enum LineMovementSpeed
{
    /// <summary>The line moved quickly (<c>fast</c>).</summary>
    Fast = 1,

    /// <summary>The line moved at a usual pace (<c>normal</c>).</summary>
    Normal = 2,

    /// <summary>The line moved slowly or not at all (<c>slow</c>).</summary>
    Slow = 3,
}
