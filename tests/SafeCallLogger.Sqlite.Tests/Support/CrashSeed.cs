using System.Globalization;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>The seed of a crash test's kill moments: <c>SCL_CRASH_SEED</c> when set (to replay a failure), else a new one; always in the failure message.</summary>
internal static class CrashSeed
{
    public static int Next() =>
        int.TryParse(Environment.GetEnvironmentVariable("SCL_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
}
