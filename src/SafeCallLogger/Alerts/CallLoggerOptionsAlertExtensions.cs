using SafeCallLogger.Alerts;

namespace SafeCallLogger;

/// <summary>
/// The <see cref="Task"/> form of <see cref="CallLoggerOptions.OnAlert(Func{CallLoggerAlert, CancellationToken, ValueTask})"/>.
/// </summary>
/// <remarks>
/// An extension method, not an instance overload, on purpose: the compiler looks at extension methods only when no
/// instance method fits, so <see langword="async"/> and throwing lambdas (which fit both forms) still bind to the
/// <see cref="ValueTask"/> method with every C# version, instead of being ambiguous (CS0121) as they were with two
/// instance overloads under C# 12, the default for net8.0 projects.
/// </remarks>
public static class CallLoggerOptionsAlertExtensions
{
    /// <summary>
    /// Adds an asynchronous alert callback that returns a <see cref="Task"/>, for instance one that messages the admin:
    /// <c>options.OnAlert((alert, ct) =&gt; bot.SendMessage(adminChatId, alert.Message, cancellationToken: ct))</c>
    /// (a <see cref="Task{TResult}"/> is a <see cref="Task"/>). Like every alert handler, it runs off the logging path;
    /// if it throws or exceeds <see cref="CallLoggerOptions.AlertHandlerTimeout"/> it is logged and skipped.
    /// </summary>
    /// <param name="options">The logger options.</param>
    /// <param name="handler">The callback.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static CallLoggerOptions OnAlert(this CallLoggerOptions options, Func<CallLoggerAlert, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        return options.OnAlert(new DelegateAlertHandler((alert, cancellationToken) => new ValueTask(handler(alert, cancellationToken))));
    }
}
