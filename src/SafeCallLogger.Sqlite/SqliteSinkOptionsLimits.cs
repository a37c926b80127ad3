using Microsoft.Extensions.Options;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// Checks the limit attributes of <see cref="SqliteSinkOptions"/>. Generated at build time by the options validator
/// source generator, so it needs no reflection (the package is AOT-compatible). Used by
/// <see cref="SqliteSinkOptions.Validate"/>, which adds the rules that read several settings.
/// </summary>
[OptionsValidator]
internal sealed partial class SqliteSinkOptionsLimits : IValidateOptions<SqliteSinkOptions>
{
    public static SqliteSinkOptionsLimits Instance { get; } = new();
}
