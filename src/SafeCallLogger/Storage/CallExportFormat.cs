namespace SafeCallLogger;

/// <summary>The file format of <see cref="ICallStore.ExportAsync"/>.</summary>
public enum CallExportFormat
{
    /// <summary>
    /// CSV: a header row with the column names, RFC 4180 quoting, CRLF line ends, UTF-8 without BOM, NULL as an empty
    /// field, text a spreadsheet would run as a formula prefixed with an apostrophe. Readable by <c>pandas.read_csv</c>.
    /// </summary>
    Csv,

    /// <summary>
    /// JSON Lines: one object per line whose keys are the column names, numbers as numbers, NULL as <c>null</c>.
    /// Readable by <c>pandas.read_json(..., lines=True)</c>.
    /// </summary>
    JsonLines,
}
