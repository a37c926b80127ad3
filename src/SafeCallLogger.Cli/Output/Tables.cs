using System.Globalization;
using Spectre.Console;

namespace SafeCallLogger.Cli.Output;

/// <summary>Small helpers for the terminal view: tables with a caption of the range, numbers in the invariant culture, bar charts.</summary>
internal static class Tables
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Table Create(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)) { Alignment = column == columns[0] ? Justify.Left : Justify.Right });
        }

        return table;
    }

    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(static c => Markup.Escape(c ?? string.Empty)).ToArray());

    /// <summary>What the numbers rest on: the time range and zone, under each table.</summary>
    public static string Range(AnalyticsFilter filter)
    {
        var since = filter.Since is { } s ? s.ToString("yyyy-MM-dd HH:mm zzz", C) : "the first call";
        var until = filter.Until is { } u ? u.ToString("yyyy-MM-dd HH:mm zzz", C) : "now";
        return $"From {since} to {until}, times in {filter.TimeZone.Id}";
    }

    public static void Write(IAnsiConsole console, Table table, AnalyticsFilter filter)
    {
        table.Caption = new TableTitle(Markup.Escape(Range(filter)));
        console.Write(table);
    }

    public static string Key(string? key) => key ?? "(none)";

    public static string Count(long value) => value.ToString("N0", C);

    public static string Percent(double rate) => (rate * 100).ToString("0.0", C) + "%";

    public static string Percent(double? percent, bool alreadyPercent) =>
        percent is { } p ? (alreadyPercent ? p : p * 100).ToString("0.00", C) + "%" : "n/a";

    public static string Money(double value) => value.ToString("0.00", C);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "n/a",
        { TotalHours: >= 1 } s => s.ToString(@"h\hmm\m", C),
        { TotalMinutes: >= 1 } s => s.ToString(@"m\mss\s", C),
        var s => s.Value.TotalSeconds.ToString("0.#", C) + "s",
    };

    /// <summary>A bar chart of one figure per row (percent bars are labelled with the value).</summary>
    public static void Bars(IAnsiConsole console, string title, IEnumerable<(string Label, double Value)> bars)
    {
        var items = bars.ToList();
        if (items.Count == 0)
        {
            return;
        }

        var chart = new BarChart { Label = Markup.Escape(title), Width = Math.Min(100, console.Profile.Width), ShowValues = true, Culture = C };
        var palette = new[] { Color.Green, Color.Blue, Color.Yellow, Color.Aqua, Color.Fuchsia, Color.Orange1 };
        for (var i = 0; i < items.Count; i++)
        {
            chart.AddItem(Markup.Escape(items[i].Label), Math.Round(items[i].Value, 2), palette[i % palette.Length]);
        }

        console.WriteLine();
        console.Write(chart);
    }

    public static void Empty(IAnsiConsole console, AnalyticsFilter filter) =>
        console.WriteLine("No calls in this range. " + Range(filter) + ".");
}
