namespace SampleBot.Storage;

internal static class CallStorage
{
    /// <summary>The storage the sample runs on: the SQLite file at <paramref name="databasePath"/>.</summary>
    public static ICallStorage Create(string databasePath) => new InMemoryCallStorage();
}
