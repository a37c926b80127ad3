using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SafeCallLogger.DependencyInjection;

/// <summary>
/// Validates what the generated <see cref="Configuration.CallLoggerOptionsLimits"/> cannot at host start: the rules
/// that read several settings, and a missing sink. The options factory joins its errors with the limits' errors, so
/// the host reports every problem at once.
/// </summary>
internal sealed class CallLoggerOptionsValidator(IServiceProviderIsService? services = null) : IValidateOptions<CallLoggerOptions>
{
    public ValidateOptionsResult Validate(string? name, CallLoggerOptions options)
    {
        var errors = new List<string>(options.RuleErrors());
        if (options.SinkFactory is null && services?.IsService(typeof(ICallSink)) != true)
        {
            errors.Add("No sink is configured: call options.UseSqlite(...) (package SafeCallLogger.Sqlite), options.UseSink(...), or register an ICallSink.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
