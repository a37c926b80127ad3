using System.Globalization;

namespace SafeCallLogger.Internal;

/// <summary>
/// Python's <c>repr(float)</c> (and so <c>str()</c> and an f-string's <c>{x}</c>): the shortest digits that read
/// back to the same double, fixed notation with at least one digit after the point (<c>2.0</c>, <c>2.1</c>,
/// <c>0.0001</c>) unless the decimal exponent is below -4 or above 15, then <c>1e+16</c>, <c>1e-05</c>.
/// </summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var negative = double.IsNegative(value);
        if (value == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        // .NET's "R" gives the same shortest round-trip digits as Python; only the layout differs.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? r : r[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(r.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));

        // decpt as in Python's dtoa: value = 0.DIGITS x 10^decpt.
        var decpt = (point < 0 ? mantissa.Length : point) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        decpt -= leadingZeros;

        string text;
        if (decpt <= -4 || decpt > 16)
        {
            var e = decpt - 1;
            text = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : string.Empty)
                + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0)
        {
            text = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            text = digits + new string('0', decpt - digits.Length) + ".0";
        }
        else
        {
            text = digits[..decpt] + "." + digits[decpt..];
        }

        return negative ? "-" + text : text;
    }
}
