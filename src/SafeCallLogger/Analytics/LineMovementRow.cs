namespace SafeCallLogger;

/// <summary>
/// How fast the lines of one bookmaker moved (<see cref="ICallAnalytics.GetLineMovementAsync"/>): the
/// <c>line_movement_speed</c> of the calls where it is on either side (once per call).
/// </summary>
/// <param name="Bookmaker">The bookmaker.</param>
/// <param name="Fast">Calls recorded as <c>fast</c>.</param>
/// <param name="Normal">Calls recorded as <c>normal</c>.</param>
/// <param name="Slow">Calls recorded as <c>slow</c>.</param>
public sealed record LineMovementRow(string Bookmaker, long Fast, long Normal, long Slow)
{
    /// <summary>Calls with a recorded speed.</summary>
    public long Recorded => Fast + Normal + Slow;

    /// <summary>Fast calls per recorded call, 0 to 1; 0 when none is recorded.</summary>
    public double FastShare => Recorded == 0 ? 0 : (double)Fast / Recorded;
}
