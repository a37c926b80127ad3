using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SafeCallLogger.Configuration;

/// <summary>
/// <see cref="RangeAttribute"/> whose error is one sentence naming the property and the value it had, and whose
/// <see cref="Describe()"/> gives the sentence the property's documentation carries (a test holds the two together).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class LimitAttribute : RangeAttribute
{
    public LimitAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public LimitAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>The limit as the documentation states it, e.g. "Between 1 and 1,000,000.".</summary>
    public string Describe() => Describe(Minimum, Maximum, MinimumIsExclusive);

    internal static string Describe(object minimum, object maximum, bool minimumIsExclusive) => (minimum, maximum) switch
    {
        (int min, int.MaxValue) => string.Create(CultureInfo.InvariantCulture, $"At least {min:N0}."),
        _ when minimumIsExclusive => $"Greater than {Bound(minimum)}, at most {Bound(maximum)}.",
        _ => $"Between {Bound(minimum)} and {Bound(maximum)}.",
    };

    /// <summary>A value as an error message quotes it.</summary>
    internal static string Text(object? value) => value switch
    {
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    /// <summary>A limit as a person reads it: "1,000,000", "10 seconds", "3,650 days".</summary>
    private static string Bound(object value)
    {
        if (value is not TimeSpan t || t <= TimeSpan.Zero)
        {
            return value is TimeSpan ? "0" : Text(value);
        }

        (long Ticks, string Unit)[] units = [(TimeSpan.TicksPerDay, "day"), (TimeSpan.TicksPerHour, "hour"), (TimeSpan.TicksPerMinute, "minute"), (TimeSpan.TicksPerSecond, "second"), (TimeSpan.TicksPerMillisecond, "millisecond")];
        foreach (var (ticks, unit) in units)
        {
            if (t.Ticks % ticks == 0)
            {
                var count = t.Ticks / ticks;
                return string.Create(CultureInfo.InvariantCulture, $"{count:N0} {unit}{(count == 1 ? string.Empty : "s")}");
            }
        }

        return Text(t);
    }

    internal static ValidationResult Error(ValidationContext context, string limit, object? value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{context.MemberName} must be {char.ToLowerInvariant(limit[0])}{limit[1..^1]} (was {Text(value)})."));

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : Error(validationContext, Describe(), value);
}
