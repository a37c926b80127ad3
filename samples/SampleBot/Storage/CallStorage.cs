namespace SampleBot.Storage;

internal static class CallStorage
{
    /// <summary>
    /// The storage the sample runs on: the SQLite file at <paramref name="databasePath"/>, or memory when the path is
    /// <c>:memory:</c> (nothing kept).
    /// </summary>
    public static ICallStorage Create(string databasePath) =>
        databasePath.EndsWith(":memory:", StringComparison.Ordinal) ? new InMemoryCallStorage() : new SqliteCallStorage(databasePath);
}
