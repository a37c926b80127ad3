namespace SafeCallLogger.Reporting;

/// <summary>How <see cref="HtmlReport"/> titles and dates its page.</summary>
public sealed class HtmlReportOptions
{
    /// <summary>The page's title and heading. The default is <c>"SafeCallLogger report"</c>.</summary>
    public string Title { get; set; } = "SafeCallLogger report";

    /// <summary>The clock the page's "generated at" time is read from. The default is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many users (the most notified first) the per-user section lists, 1 to 1,000. The default is 20.</summary>
    public int TopUsers { get; set; } = 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting at once.</summary>
    internal void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add($"{nameof(Title)} must not be empty.");
        }

        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null.");
        }

        if (TopUsers is < 1 or > 1000)
        {
            errors.Add($"{nameof(TopUsers)} must be between 1 and 1000 (was {TopUsers}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid HtmlReportOptions: " + string.Join(" ", errors));
        }
    }
}
