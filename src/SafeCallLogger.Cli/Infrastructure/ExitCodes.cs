namespace SafeCallLogger.Cli.Infrastructure;

/// <summary>The process exit codes, documented in docs/CLI.md; scripts branch on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything else: a failed self-test, a damaged database, an I/O error.</summary>
    public const int Failure = 1;

    public const int BadArguments = 2;

    public const int MissingFile = 3;

    /// <summary>Not SQLite at all, or SQLite without the calls table.</summary>
    public const int NotADatabase = 4;

    /// <summary>Another process held the database busy longer than <c>--busy-timeout</c>.</summary>
    public const int Locked = 5;
}
