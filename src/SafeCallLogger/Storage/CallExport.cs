namespace SafeCallLogger;

/// <summary>What <see cref="ICallStore.ExportAsync"/> writes: which rows, in which format, over which time range.</summary>
public sealed record CallExport
{
    /// <summary>The file format. The default is <see cref="CallExportFormat.Csv"/>.</summary>
    public CallExportFormat Format { get; init; } = CallExportFormat.Csv;

    /// <summary>Calls or per-user events. The default is <see cref="CallExportRows.Calls"/>.</summary>
    public CallExportRows Rows { get; init; } = CallExportRows.Calls;

    /// <summary>
    /// Only rows at or after this time (<c>alert_sent_at</c> for calls, <c>event_at</c> for user events), compared by
    /// time whatever text form a writer used. The default is <see langword="null"/>: no lower bound.
    /// </summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only rows before this time (exclusive). The default is <see langword="null"/>: no upper bound.</summary>
    public DateTimeOffset? Until { get; init; }
}
