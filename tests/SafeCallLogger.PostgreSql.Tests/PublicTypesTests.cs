namespace SafeCallLogger.PostgreSql.Tests;

// The list of public members is checked at build time by PublicApiAnalyzers (src/SafeCallLogger.PostgreSql/PublicAPI.*.txt);
// that the public classes are sealed, and few, is a design rule the analyzer does not check.
public sealed class PublicTypesTests
{
    [Fact]
    public void PublicTypes_AreSealedOrStaticAndFew()
    {
        var types = typeof(PostgreSqlCallSink).Assembly.GetExportedTypes();

        Assert.All(types.Where(t => !t.IsAbstract), t => Assert.True(t.IsSealed, t.Name));
        Assert.Equal(
            ["PostgreSqlCallLoggerOptionsExtensions", "PostgreSqlCallSink", "PostgreSqlCallStore", "PostgreSqlSinkOptions"],
            types.Select(static t => t.Name).Order(StringComparer.Ordinal));
    }
}
