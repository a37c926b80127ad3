namespace SafeCallLogger;

/// <summary>
/// The settled calls of one group (<see cref="ICallAnalytics.GetResultsAsync"/>): only calls with an outcome other
/// than <c>unknown</c> and an <c>actual_profit</c>.
/// </summary>
/// <param name="Key">The group's value; <see langword="null"/> for calls where it is not set.</param>
/// <param name="Settled">Settled calls in the group.</param>
/// <param name="Won">Settled calls with a profit above 0.</param>
/// <param name="Lost">Settled calls with a profit below 0.</param>
/// <param name="Profit">Sum of <c>actual_profit</c>.</param>
/// <param name="Staked">Sum of <c>total_stake</c> of the settled calls that have one.</param>
/// <param name="MeanRoiPercent">Mean over the settled calls with a stake above 0 of <c>actual_profit / total_stake × 100</c>; <see langword="null"/> when none has.</param>
/// <param name="ExpectedRoiPercent">Mean <c>roi_percent</c> the alerts announced for the same calls; <see langword="null"/> for an empty group.</param>
public sealed record ResultsRow(string? Key, long Settled, long Won, long Lost, double Profit, double Staked, double? MeanRoiPercent, double? ExpectedRoiPercent)
{
    /// <summary>Profit per unit staked, in percent (<c>Profit / Staked × 100</c>); <see langword="null"/> when nothing was staked.</summary>
    public double? YieldPercent => Staked > 0 ? Profit / Staked * 100 : null;
}
