using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeCallLogger;

/// <summary>
/// The JSON form of an operation, for dead letters and journals: source-generated, so it stays trimming- and
/// AOT-safe. Shared with the storage packages.
/// </summary>
internal static class OperationJson
{
    public static string Serialize(in CallOperation operation) =>
        JsonSerializer.Serialize(operation, OperationJsonContext.Default.CallOperation);

    public static CallOperation Deserialize(string json) =>
        JsonSerializer.Deserialize(json, OperationJsonContext.Default.CallOperation);

    public static string Serialize(DeadLetter letter) =>
        JsonSerializer.Serialize(letter, OperationJsonContext.Default.DeadLetter);

    public static DeadLetter? DeserializeDeadLetter(string json) =>
        JsonSerializer.Deserialize(json, OperationJsonContext.Default.DeadLetter);
}

/// <summary>The source-generated metadata behind <see cref="OperationJson"/>.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CallOperation))]
[JsonSerializable(typeof(DeadLetter))]
internal sealed partial class OperationJsonContext : JsonSerializerContext;
