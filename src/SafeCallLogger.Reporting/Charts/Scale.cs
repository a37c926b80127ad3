namespace SafeCallLogger.Reporting.Charts;

/// <summary>
/// A linear scale from data values to pixels over a range that always holds 0 and ends on round ticks, so that bars
/// grow from a visible zero line and the axis reads 0, 25, 50, 75, 100 rather than 0, 23.7, 47.4.
/// </summary>
internal sealed class Scale
{
    private readonly double _pixelStart;
    private readonly double _pixelEnd;

    public Scale(IEnumerable<double> values, double pixelStart, double pixelEnd, int tickCount = 4)
    {
        var min = 0.0;
        var max = 0.0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        if (max - min <= 0)
        {
            max = 1;
        }

        Step = NiceStep((max - min) / Math.Max(1, tickCount));
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        _pixelStart = pixelStart;
        _pixelEnd = pixelEnd;
    }

    /// <summary>The low end of the axis: 0, or a round value below the smallest negative value.</summary>
    public double Min { get; }

    /// <summary>The high end of the axis: a round value at or above the largest value.</summary>
    public double Max { get; }

    /// <summary>The distance between two ticks: 1, 2 or 5 times a power of ten.</summary>
    public double Step { get; }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            // Rounded so that 0.1 * 3 is drawn (and labelled) as 0.3.
            yield return Math.Round(Min + (i * Step), 10);
        }
    }

    /// <summary>The pixel of <paramref name="value"/>; a non-finite value sits on the zero line.</summary>
    public double Map(double value)
    {
        if (!double.IsFinite(value))
        {
            value = 0;
        }

        return _pixelStart + ((value - Min) / (Max - Min) * (_pixelEnd - _pixelStart));
    }

    internal static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
