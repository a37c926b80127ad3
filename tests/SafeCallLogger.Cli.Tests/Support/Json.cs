using System.Text.Json;

namespace SafeCallLogger.Cli.Tests.Support;

/// <summary>Reads the tool's <c>--format json</c> back into the row records.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static T Read<T>(ChildRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonSerializer.Deserialize<T>(run.Output, Options) ?? throw new InvalidOperationException("null JSON: " + run);
    }
}
