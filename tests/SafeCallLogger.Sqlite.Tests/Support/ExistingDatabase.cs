namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// A database a bot has run on before: the schema made and one row (<see cref="RowId"/>), so a lock taken by
/// another process is the only obstacle the logger meets, not the creation of the file.
/// </summary>
internal static class ExistingDatabase
{
    public const string RowId = "existing";

    public static async Task CreateAsync(string connectionString)
    {
        await using var sink = new SqliteCallSink(connectionString);
        await sink.WriteAsync([TestData.Upsert(RowId)], CancellationToken.None);
    }
}
