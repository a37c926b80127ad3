namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// One drawn value: <see cref="Key"/> goes to <c>data-key</c> (the group's value as the query gave it),
/// <see cref="Value"/> to <c>data-value</c> (exact, invariant), <see cref="Label"/> beside it and <see cref="Display"/>
/// as the figure a person reads.
/// </summary>
internal readonly record struct ChartBar(string Key, string Label, double Value, string Display);
