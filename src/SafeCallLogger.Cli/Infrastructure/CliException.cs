namespace SafeCallLogger.Cli.Infrastructure;

/// <summary>A failure the tool understood: its exit code and the one line the operator reads on stderr.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException()
        : this(ExitCodes.Failure, "unknown error")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Failure, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Failure;

    public int ExitCode { get; }

    public static CliException BadArguments(string message) => new(ExitCodes.BadArguments, message);
}
