using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SafeCallLogger.DependencyInjection;

/// <summary>Validates the options at host start, reporting every problem at once, including a missing sink.</summary>
internal sealed class CallLoggerOptionsValidator(IServiceProviderIsService? services = null) : IValidateOptions<CallLoggerOptions>
{
    public ValidateOptionsResult Validate(string? name, CallLoggerOptions options)
    {
        var errors = new List<string>(options.Validate());
        if (options.SinkFactory is null && services?.IsService(typeof(ICallSink)) != true)
        {
            errors.Add("No sink is configured: call options.UseSqlite(...) (package SafeCallLogger.Sqlite), options.UseSink(...), or register an ICallSink.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
