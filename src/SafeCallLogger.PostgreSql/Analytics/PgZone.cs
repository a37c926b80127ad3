using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// How the SQL reads a <c>timestamptz</c> as local time in the filter's zone. A zone with an IANA id (every system zone
/// on Linux, and a Windows zone once converted) is PostgreSQL's own: <c>(t AT TIME ZONE @tz)</c>, with its
/// daylight-saving rules. A zone without one (made with <see cref="TimeZoneInfo.CreateCustomTimeZone(string, TimeSpan, string, string)"/>)
/// is converted with .NET's rules instead: its UTC offsets from 1900 to 2100 are sent as two arrays
/// (<c>@tz_starts</c>, <c>@tz_offsets</c>, in seconds, after <c>@tz_base</c>), and each time takes the offset in force.
/// </summary>
internal sealed class PgZone
{
    private static readonly ConcurrentDictionary<TimeZoneInfo, PgZone> Custom = new();

    // IANA ids a server said it does not know (error 22023): later questions read them with .NET's rules at once
    // instead of failing once each. The two forms give the same answers, so a process talking to several servers may share it.
    private static readonly ConcurrentDictionary<string, bool> UnknownToServer = new(StringComparer.Ordinal);

    private readonly DateTimeOffset[] _starts;
    private readonly int[] _offsets;
    private readonly int _base;

    private PgZone(string? iana, DateTimeOffset[] starts, int[] offsets, int baseOffset)
    {
        Iana = iana;
        _starts = starts;
        _offsets = offsets;
        _base = baseOffset;
    }

    /// <summary>The IANA id PostgreSQL reads, or <see langword="null"/> when the offsets come from .NET.</summary>
    public string? Iana { get; }

    public static PgZone For(TimeZoneInfo zone)
    {
        var iana = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted) ? converted : null;
        return iana is not null && !UnknownToServer.ContainsKey(iana) ? new PgZone(iana, [], [], 0) : FromDotNet(zone);
    }

    /// <summary>The zone read with .NET's rules, remembering that the server does not know <paramref name="iana"/>.</summary>
    public static PgZone UnknownIana(TimeZoneInfo zone, string iana)
    {
        UnknownToServer[iana] = true;
        return FromDotNet(zone);
    }

    /// <summary>The zone read with .NET's rules, whatever its id (computed once per zone).</summary>
    public static PgZone FromDotNet(TimeZoneInfo zone) => Custom.GetOrAdd(zone, Offsets);

    /// <summary>The SQL of <paramref name="column"/> (a <c>timestamptz</c>) as a local <c>timestamp</c> of the zone.</summary>
    public string LocalSql(string column) => Iana is not null
        ? $"({column} AT TIME ZONE @tz)"
        : $"(({column} AT TIME ZONE 'UTC') + make_interval(secs => COALESCE((SELECT z.o FROM unnest(@tz_starts::timestamptz[], @tz_offsets::int[]) AS z(s, o) WHERE z.s <= {column} ORDER BY z.s DESC LIMIT 1), @tz_base::int)))";

    /// <summary>Binds the zone's parameters when <paramref name="sql"/> names them.</summary>
    public void Bind(NpgsqlParameterCollection parameters, string sql)
    {
        if (Iana is not null)
        {
            if (sql.Contains("@tz", StringComparison.Ordinal))
            {
                parameters.Add(new NpgsqlParameter<string>("tz", NpgsqlDbType.Text) { TypedValue = Iana });
            }

            return;
        }

        if (sql.Contains("@tz_base", StringComparison.Ordinal))
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("tz_starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = _starts });
            parameters.Add(new NpgsqlParameter<int[]>("tz_offsets", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _offsets });
            parameters.Add(new NpgsqlParameter<int>("tz_base", NpgsqlDbType.Integer) { TypedValue = _base });
        }
    }

    // Every change of offset between 1900 and 2100: found day by day, then to the minute by bisection.
    private static PgZone Offsets(TimeZoneInfo zone)
    {
        var starts = new List<DateTimeOffset>();
        var offsets = new List<int>();
        var day = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = zone.GetUtcOffset(day);
        var current = first;
        for (; day < end; day = day.AddDays(1))
        {
            var next = zone.GetUtcOffset(day.AddDays(1));
            if (next == current)
            {
                continue;
            }

            DateTimeOffset low = day, high = day.AddDays(1);
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var mid = low + ((high - low) / 2);
                mid = new DateTimeOffset(mid.Ticks - (mid.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
                if (mid <= low)
                {
                    break;
                }

                if (zone.GetUtcOffset(mid) == current)
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            starts.Add(high);
            offsets.Add((int)next.TotalSeconds);
            current = next;
        }

        return new PgZone(null, [.. starts], [.. offsets], (int)first.TotalSeconds);
    }
}
