using Microsoft.Extensions.Options;

namespace SafeCallLogger.Configuration;

/// <summary>
/// Checks the limit attributes of <see cref="CallLoggerOptions"/>. Generated at build time by the options validator
/// source generator, so it needs no reflection (the package is AOT-compatible). Registered in the container and
/// used by <see cref="CallLoggerOptions.Validate"/>; the rules that read several settings live in
/// <see cref="CallLoggerOptions.Validate"/>.
/// </summary>
[OptionsValidator]
internal sealed partial class CallLoggerOptionsLimits : IValidateOptions<CallLoggerOptions>
{
    public static CallLoggerOptionsLimits Instance { get; } = new();
}
