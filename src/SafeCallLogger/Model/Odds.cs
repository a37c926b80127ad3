using System.Globalization;
using System.Text.Json.Serialization;

namespace SafeCallLogger;

/// <summary>
/// Odds as the bot gave them, decimal or American, with their decimal equivalent.
/// A plain converted <see cref="double"/> is read as decimal odds: <c>OddsA = 2.10</c>.
/// The default value (decimal 0) is invalid and is rejected by the logger.
/// </summary>
public readonly struct Odds : IEquatable<Odds>
{
    // The constructor System.Text.Json uses, so that operations survive a journal round trip.
    [JsonConstructor]
    internal Odds(double value, OddsFormat format)
    {
        Value = value;
        Format = format;
    }

    /// <summary>The odds exactly as given, in <see cref="Format"/>. Stored in <c>odds_a</c> / <c>odds_b</c>.</summary>
    public double Value { get; }

    /// <summary>The notation of <see cref="Value"/>. The default is <see cref="OddsFormat.Decimal"/>.</summary>
    public OddsFormat Format { get; }

    /// <summary>
    /// The decimal equivalent, stored in <c>odds_a_decimal</c> / <c>odds_b_decimal</c>:
    /// American +A gives 1 + A/100, American -A gives 1 + 100/A. <see cref="double.NaN"/> when the odds are invalid.
    /// </summary>
    public double DecimalValue => Format switch
    {
        OddsFormat.Decimal => Value,
        OddsFormat.American when Value >= 100 => 1 + (Value / 100),
        OddsFormat.American when Value <= -100 => 1 + (100 / -Value),
        _ => double.NaN,
    };

    /// <summary>
    /// The largest decimal value accepted: 1,000,000 (American +99,999,900). Larger odds are not a real price, and
    /// values derived from them, such as <see cref="ClosingLineValuePercent"/>, could overflow to infinity.
    /// </summary>
    public const double MaxDecimalValue = 1_000_000;

    /// <summary>
    /// <see langword="true"/> when the odds are usable: finite, a known format, and a decimal value above 1
    /// (American odds at or beyond ±100) and at most <see cref="MaxDecimalValue"/> (American at most +99,999,900).
    /// </summary>
    public bool IsValid => double.IsFinite(Value) && DecimalValue > 1 && DecimalValue <= MaxDecimalValue;

    /// <summary>Creates decimal odds, e.g. 2.10. Never throws; an impossible value is reported by <see cref="IsValid"/>.</summary>
    /// <param name="value">Decimal odds, greater than 1 and at most <see cref="MaxDecimalValue"/> to be valid.</param>
    public static Odds FromDecimal(double value) => new(value, OddsFormat.Decimal);

    /// <summary>Creates American odds, e.g. -110 or +150. Never throws; an impossible value is reported by <see cref="IsValid"/>.</summary>
    /// <param name="value">American odds, at most -100, or from +100 to +99,999,900, to be valid.</param>
    public static Odds FromAmerican(double value) => new(value, OddsFormat.American);

    /// <summary>Creates odds from a value and its notation. Never throws.</summary>
    /// <param name="value">The odds as given.</param>
    /// <param name="format">The notation of <paramref name="value"/>.</param>
    public static Odds Create(double value, OddsFormat format) => new(value, format);

    /// <summary>Reads a <see cref="double"/> as decimal odds.</summary>
    /// <param name="decimalOdds">Decimal odds.</param>
    public static implicit operator Odds(double decimalOdds) => FromDecimal(decimalOdds);

    /// <summary>Same as the implicit conversion: reads a <see cref="double"/> as decimal odds.</summary>
    /// <param name="decimalOdds">Decimal odds.</param>
    public static Odds ToOdds(double decimalOdds) => FromDecimal(decimalOdds);

    /// <summary>
    /// Closing-line value in percent, as stored in <c>clv_a</c> / <c>clv_b</c>:
    /// <c>(taken.DecimalValue / closing.DecimalValue - 1) * 100</c>. Positive means the bet was taken at a better
    /// price than the market closed at. <see cref="double.NaN"/> when either odds are invalid; always finite otherwise, since
    /// valid odds are capped at <see cref="MaxDecimalValue"/>.
    /// </summary>
    /// <param name="taken">The odds the alert offered.</param>
    /// <param name="closing">The closing line of the same side.</param>
    public static double ClosingLineValuePercent(Odds taken, Odds closing) =>
        taken.IsValid && closing.IsValid ? ((taken.DecimalValue / closing.DecimalValue) - 1) * 100 : double.NaN;

    /// <inheritdoc/>
    public bool Equals(Odds other) => Value.Equals(other.Value) && Format == other.Format;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Odds other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Format);

    /// <summary>Compares two odds by value and notation.</summary>
    /// <param name="left">The first odds.</param>
    /// <param name="right">The second odds.</param>
    public static bool operator ==(Odds left, Odds right) => left.Equals(right);

    /// <summary>Compares two odds by value and notation.</summary>
    /// <param name="left">The first odds.</param>
    /// <param name="right">The second odds.</param>
    public static bool operator !=(Odds left, Odds right) => !left.Equals(right);

    /// <summary>Returns the odds in their own notation, e.g. <c>2.1</c> or <c>+150</c>.</summary>
    public override string ToString() => Format == OddsFormat.American
        ? Value.ToString("+0.##;-0.##", CultureInfo.InvariantCulture)
        : Value.ToString(CultureInfo.InvariantCulture);
}
