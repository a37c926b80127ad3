using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using SafeCallLogger.Internal;

namespace SafeCallLogger;

/// <summary>
/// Call ids: 16 lowercase hex characters derived from the teams, the bookmakers, the odds and the hour, so
/// that the same alert sent again in the same hour gets the same id, and <c>i_bet_{id}</c> fits Telegram's 64-byte
/// callback data.
/// </summary>
/// <remarks>
/// <para>The recipe, reproducible in any language:</para>
/// <list type="number">
/// <item>For each of team A, team B, bookmaker A, bookmaker B, in that order: the length in bytes of its UTF-8 encoding
/// as a 4-byte little-endian integer, then those bytes. Strings are used exactly as given (case and spaces count).</item>
/// <item>For odds A then odds B: the decimal odds times 10,000, rounded to the nearest integer (halves away from
/// zero), as an 8-byte little-endian integer (so +110 American and 2.10 decimal give the same id). Invalid odds count
/// as 0.</item>
/// <item>The hour: whole hours since 1970-01-01T00:00Z of the alert's send time (UTC), as an 8-byte little-endian
/// integer.</item>
/// <item>XXH64 of those bytes (initial value 0), written as 16 lowercase hex digits.</item>
/// </list>
/// <para>In Python: <c>xxhash.xxh64(key).hexdigest()</c> with <c>key</c> built by <c>struct.pack</c> as above.</para>
/// </remarks>
public static class CallIds
{
    /// <summary>The prefix of the I BET button's callback data: <c>i_bet_</c>.</summary>
    public const string CallbackPrefix = "i_bet_";

    /// <summary>The longest accepted call id: 58 characters, so that <see cref="CallbackPrefix"/> plus the id fits in 64 bytes.</summary>
    public const int MaxLength = 64 - 6;

    private const int StackKeyLimit = 1024;

    /// <summary>
    /// Derives the id of <paramref name="call"/> sent at <paramref name="sentAt"/> with the recipe in the remarks.
    /// Ignores <see cref="CallRecord.CallId"/>. Never throws: missing strings hash as empty.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="sentAt">When the alert was sent; only its UTC hour is used.</param>
    public static string Compute(CallRecord call, DateTimeOffset sentAt)
    {
        if (call is null)
        {
            return Compute(string.Empty, string.Empty, string.Empty, string.Empty, default, default, sentAt);
        }

        return Compute(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt);
    }

    /// <summary>Derives a call id from its parts with the recipe in the remarks. Never throws: <see langword="null"/> strings hash as empty.</summary>
    /// <param name="teamA">Team A.</param>
    /// <param name="teamB">Team B.</param>
    /// <param name="bookmakerA">Bookmaker A.</param>
    /// <param name="bookmakerB">Bookmaker B.</param>
    /// <param name="oddsA">Odds A.</param>
    /// <param name="oddsB">Odds B.</param>
    /// <param name="sentAt">When the alert was sent; only its UTC hour is used.</param>
    [SkipLocalsInit] // The key buffer is written before it is read; zeroing it cost a measurable share of the send path.
    public static string Compute(string? teamA, string? teamB, string? bookmakerA, string? bookmakerB, Odds oddsA, Odds oddsB, DateTimeOffset sentAt)
    {
        teamA ??= string.Empty;
        teamB ??= string.Empty;
        bookmakerA ??= string.Empty;
        bookmakerB ??= string.Empty;

        var maxBytes = Encoding.UTF8.GetMaxByteCount(teamA.Length + teamB.Length + bookmakerA.Length + bookmakerB.Length) + 40;
        byte[]? rented = null;
        var key = maxBytes <= StackKeyLimit ? stackalloc byte[maxBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var used = 0;
            used += WriteString(key[used..], teamA);
            used += WriteString(key[used..], teamB);
            used += WriteString(key[used..], bookmakerA);
            used += WriteString(key[used..], bookmakerB);
            BinaryPrimitives.WriteInt64LittleEndian(key[used..], OddsKey(oddsA));
            BinaryPrimitives.WriteInt64LittleEndian(key[(used + 8)..], OddsKey(oddsB));
            BinaryPrimitives.WriteInt64LittleEndian(key[(used + 16)..], HoursSinceEpoch(sentAt));
            used += 24;
            return ToHex(XxHash64.HashToUInt64(key[..used]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Derives the id the Python bot gives <paramref name="call"/> sent at <paramref name="sentAt"/> (see
    /// <see cref="ComputePythonBotCompatible(string?, string?, string?, string?, Odds, Odds, DateTimeOffset, TimeZoneInfo?)"/>).
    /// Ignores <see cref="CallRecord.CallId"/>. Never throws.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="sentAt">When the alert was sent; only its hour in <paramref name="timeZone"/> is used.</param>
    /// <param name="timeZone">The zone of the Python bot's clock; the default is <see langword="null"/>: <see cref="TimeZoneInfo.Local"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads shipped together with their optional zone; their first parameters (CallRecord, string?) never make a call ambiguous.")]
    public static string ComputePythonBotCompatible(CallRecord call, DateTimeOffset sentAt, TimeZoneInfo? timeZone = null) =>
        call is null
            ? ComputePythonBotCompatible(null, null, null, null, default, default, sentAt, timeZone)
            : ComputePythonBotCompatible(call.TeamA, call.TeamB, call.BookmakerA, call.BookmakerB, call.OddsA, call.OddsB, sentAt, timeZone);

    /// <summary>
    /// Derives a call id with the Python bot's recipe:
    /// <c>hashlib.md5(f"{team_a}_{team_b}_{book_a}_{book_b}_{odds_a}_{odds_b}_{datetime.now().strftime('%Y%m%d%H')}".encode()).hexdigest()[:16]</c>,
    /// so that the id equals the Python bot's for the same alert. Never throws.
    /// </summary>
    /// <remarks>
    /// <para>The odds are written as Python writes a float (<c>2.0</c>, <c>2.1</c>, <c>-110.0</c>) from
    /// <see cref="Odds.Value"/>, the odds as given: a Python bot that held them as <c>int</c> (<c>-110</c>) or as a
    /// string wrote other text and gets other ids. <see langword="null"/> strings are written <c>None</c>, as Python
    /// does.</para>
    /// <para>The hour is the wall-clock hour of <paramref name="timeZone"/>, as <c>datetime.now()</c> on the Python
    /// bot's machine: both bots must use the same zone, and around a daylight-saving change the repeated hour maps
    /// two different real hours to one id.</para>
    /// </remarks>
    /// <param name="teamA">Team A.</param>
    /// <param name="teamB">Team B.</param>
    /// <param name="bookmakerA">Bookmaker A.</param>
    /// <param name="bookmakerB">Bookmaker B.</param>
    /// <param name="oddsA">Odds A.</param>
    /// <param name="oddsB">Odds B.</param>
    /// <param name="sentAt">When the alert was sent; only its hour in <paramref name="timeZone"/> is used.</param>
    /// <param name="timeZone">The zone of the Python bot's clock; the default is <see langword="null"/>: <see cref="TimeZoneInfo.Local"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads shipped together with their optional zone; their first parameters (CallRecord, string?) never make a call ambiguous.")]
    public static string ComputePythonBotCompatible(string? teamA, string? teamB, string? bookmakerA, string? bookmakerB, Odds oddsA, Odds oddsB, DateTimeOffset sentAt, TimeZoneInfo? timeZone = null)
    {
        var local = TimeZoneInfo.ConvertTime(sentAt, timeZone ?? TimeZoneInfo.Local);
        var key = string.Concat(
            [
                teamA ?? "None", "_", teamB ?? "None", "_", bookmakerA ?? "None", "_", bookmakerB ?? "None", "_",
                PythonFloat.Repr(oddsA.Value), "_", PythonFloat.Repr(oddsB.Value), "_",
                local.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture),
            ]);
        Span<byte> hash = stackalloc byte[16];
#pragma warning disable CA5351 // Not security: the Python bot's id recipe is MD5, and matching its ids is the point.
        _ = System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(key), hash);
#pragma warning restore CA5351
        return ToHex(BinaryPrimitives.ReadUInt64BigEndian(hash));
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="callId"/> is 1 to <see cref="MaxLength"/> characters of
    /// <c>A-Z a-z 0-9 _ - . :</c>. Never throws.
    /// </summary>
    /// <param name="callId">The id to check.</param>
    public static bool IsValid(string? callId)
    {
        if (string.IsNullOrEmpty(callId) || callId.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in callId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the I BET button's callback data, <c>i_bet_{callId}</c>. Never throws.</summary>
    /// <param name="callId">The call id.</param>
    public static string ToCallbackData(string callId) => CallbackPrefix + callId;

    /// <summary>
    /// Reads the call id out of <c>i_bet_{callId}</c> callback data. Returns <see langword="false"/> when the data
    /// does not start with the prefix or the id is not valid. Never throws.
    /// </summary>
    /// <param name="callbackData">The callback data of a button press.</param>
    /// <param name="callId">The call id, or <see langword="null"/>.</param>
    public static bool TryParseCallbackData(string? callbackData, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? callId)
    {
        callId = null;
        if (callbackData is null || !callbackData.StartsWith(CallbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = callbackData[CallbackPrefix.Length..];
        if (!IsValid(id))
        {
            return false;
        }

        callId = id;
        return true;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, written);
        return written + 4;
    }

    private static long OddsKey(Odds odds)
    {
        var value = odds.DecimalValue;
        return double.IsFinite(value) && Math.Abs(value) < 1e14 ? (long)Math.Round(value * 10_000, MidpointRounding.AwayFromZero) : 0;
    }

    private static long HoursSinceEpoch(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return seconds >= 0 ? seconds / 3600 : ((seconds + 1) / 3600) - 1;
    }

    private static string ToHex(ulong hash) =>
        string.Create(16, hash, static (span, h) => h.TryFormat(span, out _, "x16", System.Globalization.CultureInfo.InvariantCulture));
}
