namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// One named series of a stacked bar or line chart: <see cref="Name"/> goes to <c>data-series</c>, and
/// <see cref="Values"/> holds one value per key of the chart, in the chart's key order.
/// </summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
