using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>
/// The one-pass answers compute <c>julianday()</c> of canonical times themselves (<see cref="JulianDayText"/>) and leave
/// every other form to SQLite (<see cref="RawRows.JulianDay"/>): both must give, bit for bit, what the SQL statements'
/// <see cref="SqliteText.JulianDaySql"/> gives, so that a figure does not depend on the path that read it.
/// </summary>
public sealed class JulianDayTextTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public JulianDayTextTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    public static TheoryData<string> EdgeTimes =>
    [
        "2026-01-25 20:00:00.000", "2026-01-25 20:00:00", "2026-01-25T20:00:00.000", "2026-01-25T20:00:00.123Z",
        "2026-01-25 20:00:00.999z", "0000-01-01 00:00:00.000", "0000-02-29 12:00:00", "0001-03-01 00:00:00.001",
        "1582-10-04 23:59:59.999", "1582-10-15 00:00:00.000", "1969-12-31 23:59:59.999", "1970-01-01 00:00:00.000",
        "2000-02-29 24:00:00.000", "2023-02-31 10:00:00.000", "2024-12-31 24:59:59.999", "9999-12-31 23:59:59.999",
        "9999-12-31 24:00:00.000", "2026-13-01 00:00:00.000", "2026-00-10 00:00:00.000", "2026-01-32 00:00:00.000",
        "2026-01-00 00:00:00.000", "2026-01-10 25:00:00.000", "2026-01-10 10:60:00.000", "2026-01-10 10:00:60.000",
        "2026-01-25 20:00:00.1234567", "2026-01-25 20:00:00.12", "2026-01-25 20:00", "2026-01-25", "2026-01-25 20:00:00+02:00",
        "2026-01-25  20:00:00.000", " 2026-01-25 20:00:00.000", "2026-01-25 20:00:00.000 ", "2026/01/25 20:00:00.000",
        "2026-01-25 2O:00:00.000", "-001-01-25 20:00:00.000", "now", "", "2460701.5", "1769371200",
    ];

    [Theory]
    [MemberData(nameof(EdgeTimes))]
    public void EdgeTime_ReadHere_IsSqlitesJulianDay(string time) => AssertSameAsSqlite(time);

    [Fact]
    public void RandomCanonicalTimes_AreSqlitesJulianDays()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 20_000; i++)
        {
            var time = string.Create(
                CultureInfo.InvariantCulture,
                $"{random.Next(0, 10_000):D4}-{random.Next(1, 13):D2}-{random.Next(1, 32):D2}{(random.Next(4) == 0 ? 'T' : ' ')}{random.Next(0, 25):D2}:{random.Next(0, 60):D2}:{random.Next(0, 60):D2}");
            time += random.Next(3) switch
            {
                0 => string.Empty,
                1 => "." + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture),
                _ => "." + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture) + "Z",
            };
            AssertSameAsSqlite(time);
        }
    }

    [Fact]
    public void EveryStoredForm_ReadByTheScan_IsTheSqlStatementsJulianDay()
    {
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, at)";
            create.ExecuteNonQuery();
        }

        object?[] values =
        [
            "2026-01-25 20:00:00.000", "2026-01-25T20:00:00.123Z", "2026-01-25 20:00:00.1234567", "2026-01-25 22:00:00+02:00",
            "2026-01-25", "garbage", string.Empty, null, 2460701.25, 1769371200L, 1769371200123L, -5L, 1e300,
            Encoding.UTF8.GetBytes("2026-01-25 20:00:00.000"), new byte[] { 0xff, 0x00 },
        ];
        foreach (var value in values)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (at) VALUES ($at)";
            insert.Parameters.AddWithValue("$at", value ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        using var rows = new RawRows(_connection.Handle!, $"SELECT t.at, {SqliteText.JulianDaySql("t.at")} FROM t ORDER BY t.id", []);
        var read = 0;
        while (rows.Step())
        {
            var expected = rows.IsNull(1) ? (double?)null : rows.Double(1);
            Assert.True(Bits(expected) == Bits(rows.JulianDay(0)), $"row {read + 1} ({values[read]}): {expected} expected, {rows.JulianDay(0)} read");
            read++;
        }

        Assert.Equal(values.Length, read);
    }

    private static long? Bits(double? day) => day is { } d ? BitConverter.DoubleToInt64Bits(d) : null;

    private void AssertSameAsSqlite(string time)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT julianday($t)";
        command.Parameters.AddWithValue("$t", time);
        var sqlite = command.ExecuteScalar() is double d ? d : (double?)null;
        if (JulianDayText.TryParse(Encoding.UTF8.GetBytes(time), out var here))
        {
            Assert.True(sqlite is { } s && BitConverter.DoubleToInt64Bits(s) == BitConverter.DoubleToInt64Bits(here), $"'{time}': SQLite {sqlite:R}, here {here:R}");
        }
        else
        {
            // Left to SQLite: only forms other than the canonical ones may be.
            Assert.False(time.Length is 19 or 23 && sqlite is not null && !time.Contains('/') && time[10] is ' ' or 'T' && time.All(static c => c is >= '0' and <= '9' or '-' or ':' or '.' or ' ' or 'T'), $"'{time}' is canonical, read {sqlite:R} by SQLite, and was not read here");
        }
    }
}
