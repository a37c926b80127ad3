using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Cli.Tests.Support;

/// <summary>
/// The database <c>samples/SampleBot -- --demo 200 --db FILE</c> writes, made once per test run by the sample's built
/// dll. Tests that change a database work on a <see cref="CopyAsync"/>.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public const int Calls = 200;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("safecall-tests-").FullName;

    public string Path => System.IO.Path.Combine(Directory, "demo.db");

    /// <summary>The store on the demo file, for the figures the tool's output is checked against.</summary>
    public SqliteCallStore Store => new(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly }.ToString());

    public async Task InitializeAsync()
    {
        var run = await Tools.RunAsync(Tools.SampleBot, ["--demo", Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", Path], Directory);
        Assert.True(run.ExitCode == 0 && File.Exists(Path), "the sample bot's demo failed: " + run);

        // Everything into the main file, so a copy is the whole database.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    /// <summary>A copy of the demo database under a new name, for tests that write.</summary>
    public string Copy(string name)
    {
        var copy = System.IO.Path.Combine(Directory, name);
        File.Copy(Path, copy, overwrite: true);
        return copy;
    }

    public string NewPath(string name) => System.IO.Path.Combine(Directory, name);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoDatabase>
{
    public const string Name = "demo database";
}
