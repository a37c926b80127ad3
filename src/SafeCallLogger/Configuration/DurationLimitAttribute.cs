using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SafeCallLogger.Configuration;

/// <summary>
/// The range a <see cref="TimeSpan"/> property accepts, written as invariant <c>[d.]hh:mm:ss[.fffffff]</c> text as
/// <see cref="RangeAttribute"/> takes it, but parsed without <see cref="System.ComponentModel.TypeConverter"/>, so
/// it stays trimming- and AOT-safe. Its error is one sentence naming the property and the value it had.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class DurationLimitAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary><see langword="true"/> when <see cref="Minimum"/> itself is refused: the duration must be longer.</summary>
    public bool MinimumIsExclusive { get; set; }

    /// <summary>The limit as the documentation states it, e.g. "Between 0 and 1 day.".</summary>
    public string Describe() => LimitAttribute.Describe(Minimum, Maximum, MinimumIsExclusive);

    public override bool IsValid(object? value) =>
        value is TimeSpan duration && (MinimumIsExclusive ? duration > Minimum : duration >= Minimum) && duration <= Maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : LimitAttribute.Error(validationContext, Describe(), value);
}
