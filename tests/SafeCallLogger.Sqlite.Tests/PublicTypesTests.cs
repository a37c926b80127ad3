namespace SafeCallLogger.Sqlite.Tests;

// The list of public members is checked at build time by PublicApiAnalyzers (src/SafeCallLogger.Sqlite/PublicAPI.*.txt);
// that the public classes are sealed is a design rule the analyzer does not check.
public sealed class PublicTypesTests
{
    [Fact]
    public void PublicTypes_AreSealedOrStatic()
    {
        Assert.All(typeof(SqliteCallSink).Assembly.GetExportedTypes().Where(t => !t.IsAbstract), t => Assert.True(t.IsSealed, t.Name));
    }
}
