using Spectre.Console;

namespace SafeCallLogger.Cli.Output;

/// <summary>
/// The consoles the commands draw on. Redirected output (a pipe, a file) gets no ANSI codes, no colour and a wide
/// fixed width, so what a script reads is plain text; progress bars and live views only draw on a terminal.
/// </summary>
internal static class Terminal
{
    private static readonly Lazy<IAnsiConsole> LazyOut = new(() => Create(Console.Out, Console.IsOutputRedirected));
    private static readonly Lazy<IAnsiConsole> LazyError = new(() => Create(Console.Error, Console.IsErrorRedirected));

    /// <summary>Standard output: tables, charts, reports.</summary>
    public static IAnsiConsole Out => LazyOut.Value;

    /// <summary>Standard error: progress bars, so that data written to stdout stays clean.</summary>
    public static IAnsiConsole Error => LazyError.Value;

    /// <summary>Whether stdout is a terminal a live view may redraw.</summary>
    public static bool OutIsInteractive => !Console.IsOutputRedirected && Out.Profile.Capabilities.Interactive;

    /// <summary>Whether a progress bar may be drawn on stderr.</summary>
    public static bool ErrorIsInteractive => !Console.IsErrorRedirected && Error.Profile.Capabilities.Interactive;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            // Spectre falls back to 80 columns without a terminal; a file has room for the whole table.
            console.Profile.Width = 200;
        }

        return console;
    }
}
