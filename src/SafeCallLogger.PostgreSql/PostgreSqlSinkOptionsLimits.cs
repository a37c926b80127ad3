using Microsoft.Extensions.Options;

namespace SafeCallLogger.PostgreSql;

/// <summary>
/// Checks the limit attributes of <see cref="PostgreSqlSinkOptions"/>, generated at build time (no reflection, AOT-safe).
/// Used by <see cref="PostgreSqlSinkOptions.Validate"/>, which adds the identifier rules.
/// </summary>
[OptionsValidator]
internal sealed partial class PostgreSqlSinkOptionsLimits : IValidateOptions<PostgreSqlSinkOptions>
{
    public static PostgreSqlSinkOptionsLimits Instance { get; } = new();
}
