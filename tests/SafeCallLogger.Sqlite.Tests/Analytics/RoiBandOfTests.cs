using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>The one-pass reads' ROI band (<see cref="RoiBandOf"/>) is the band <c>CASE</c> of the single statements for values of every type.</summary>
public sealed class RoiBandOfTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RoiBandOfTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    public static TheoryData<double[]> EdgeSets =>
    [
        [0, 1, 2, 3, 5, 10],
        [-2.5, 1e-300, 0.1, 7.75, 9.3e18],
        [-9.3e18, -1e16 - 3, 4503599627370497, 9007199254740993, 9.223372036854775e18, 9223372036854775808.0],
    ];

    [Theory]
    [MemberData(nameof(EdgeSets))]
    public void EveryKindOfValue_BandedAsTheSqlCaseBandsIt(double[] edges)
    {
        using (var create = _connection.CreateCommand())
        {
            // No declared type: integers stay integers, as a file written by another tool may hold them.
            create.CommandText = "CREATE TABLE c (roi_percent)";
            create.ExecuteNonQuery();
        }

        var values = new List<object?> { null, "text", "-5", string.Empty, new byte[] { 1, 2 }, long.MinValue, long.MaxValue, 0L, -1L, 9007199254740993L, 4503599627370497L, 9223372036854775000L };
        foreach (var edge in edges)
        {
            values.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
            if (Math.Abs(edge) < 9e18)
            {
                values.AddRange([(long)Math.Floor(edge), (long)Math.Ceiling(edge), (long)Math.Floor(edge) - 1, (long)Math.Ceiling(edge) + 1]);
            }
        }

        foreach (var value in values)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO c VALUES ($v)";
            insert.Parameters.AddWithValue("$v", value ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        var scope = AnalyticsScope.Create(new AnalyticsFilter { RoiBands = edges }, CallDimension.RoiBand);
        using var rows = new RawRows(_connection.Handle!, $"SELECT c.roi_percent, {scope.KeySql(CallDimension.RoiBand)} FROM c ORDER BY rowid", []);
        var read = 0;
        while (rows.Step())
        {
            long? sql = rows.IsNull(1) ? null : rows.Long(1);
            Assert.True(sql == RoiBandOf.Read(rows, 0, edges), $"{Describe(values[read])}: SQL band {sql}, read {RoiBandOf.Read(rows, 0, edges)}");
            read++;
        }

        Assert.Equal(values.Count, read);
    }

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => "blob of " + b.Length,
        _ => $"{value.GetType().Name} {value}",
    };
}
