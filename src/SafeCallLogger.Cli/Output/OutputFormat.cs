using System.CommandLine;

namespace SafeCallLogger.Cli.Output;

/// <summary>How a data command prints its rows.</summary>
internal enum OutputFormat
{
    /// <summary>Tables and bar charts for a person.</summary>
    Table,

    /// <summary>The row records as a JSON array, camelCase, in the records' property order.</summary>
    Json,

    /// <summary>The same fields as CSV with a header row (nested values flattened, e.g. lifetimeMean).</summary>
    Csv,
}

/// <summary>The <c>--format table|json|csv</c> switch every data command has.</summary>
internal static class OutputFormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "table (the default; tables and bar charts), json (the rows, camelCase) or csv, for scripts.",
            DefaultValueFactory = static _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    public static OutputFormat Read(ParseResult parse, Option<string> option) => parse.GetValue(option) switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => OutputFormat.Table,
    };
}
