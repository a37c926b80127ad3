using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeCallLogger.Validation;

/// <summary>
/// Serializes <see cref="CallRecord.RawData"/> to compact JSON text once, on the caller's thread, and checks on the way
/// that every sink can store it: finite numbers only, bounded depth, bounded size, nothing that throws. The text is what
/// the sinks store, so the caller's object is never read again after <c>LogCallSafe</c> returns.
/// </summary>
internal static class RawDataSerializer
{
    private const string Field = "raw_data";

    // Above this the buffer is not kept for the next call on the thread: one odd call must not pin its memory.
    private const int MaxCachedBuffer = 256 * 1024;

    // Default escaping, so the text is exactly what JsonNode.ToJsonString() gave the sinks before.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes <paramref name="raw"/> as compact JSON, or says why it cannot be stored.</summary>
    public static (RejectionReason Reason, string? Field) Serialize(JsonObject raw, int maxDepth, int maxBytes, out string? json)
    {
        json = null;

        // Taken, not shared: a re-entrant call (a custom value logging from its own serializer) gets fresh ones.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        var writer = t_writer;
        t_buffer = null;
        t_writer = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            var walk = new Walk(writer, maxDepth, maxBytes);
            var reason = walk.Node(raw, depth: 1);
            if (reason != RejectionReason.None)
            {
                return (reason, Field);
            }

            writer.Flush();
            if (buffer.WrittenCount > maxBytes)
            {
                return (RejectionReason.RawDataTooLarge, Field);
            }

            json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            return (RejectionReason.None, null);
        }
        catch (Exception)
        {
            // A custom value whose getter or converter throws, text that is not valid UTF-16, and the like.
            return (RejectionReason.UnreadableInput, Field);
        }
        finally
        {
            if (buffer.Capacity <= MaxCachedBuffer)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
                t_writer = writer;
            }
            else
            {
                writer.Dispose();
            }
        }
    }

    private readonly struct Walk(Utf8JsonWriter writer, int maxDepth, int maxBytes)
    {
        private long Written => writer.BytesCommitted + writer.BytesPending;

        public RejectionReason Node(JsonNode? node, int depth)
        {
            switch (node)
            {
                case null:
                    writer.WriteNullValue();
                    return RejectionReason.None;
                case JsonObject obj:
                    return Object(obj, depth);
                case JsonArray array:
                    return Array(array, depth);
                default:
                    return Value((JsonValue)node);
            }
        }

        private RejectionReason Object(JsonObject obj, int depth)
        {
            if (depth > maxDepth)
            {
                return RejectionReason.RawDataTooDeep;
            }

            writer.WriteStartObject();
#if NET9_0_OR_GREATER
            // Indexed: the interface enumerator of a JsonObject is an allocation per object.
            for (var i = 0; i < obj.Count; i++)
            {
                var (name, child) = obj.GetAt(i);
#else
            foreach (var (name, child) in obj)
            {
#endif
                if (name.Length > maxBytes)
                {
                    return RejectionReason.RawDataTooLarge;
                }

                writer.WritePropertyName(name);
                var reason = Node(child, depth + 1);
                if (reason != RejectionReason.None)
                {
                    return reason;
                }
            }

            writer.WriteEndObject();
            return Written > maxBytes ? RejectionReason.RawDataTooLarge : RejectionReason.None;
        }

        private RejectionReason Array(JsonArray array, int depth)
        {
            if (depth > maxDepth)
            {
                return RejectionReason.RawDataTooDeep;
            }

            writer.WriteStartArray();
            for (var i = 0; i < array.Count; i++)
            {
                var reason = Node(array[i], depth + 1);
                if (reason != RejectionReason.None)
                {
                    return reason;
                }
            }

            writer.WriteEndArray();
            return Written > maxBytes ? RejectionReason.RawDataTooLarge : RejectionReason.None;
        }

        private RejectionReason Value(JsonValue value)
        {
            // Numbers and strings, the usual raw data, are written directly: the same text their converters write.
            if (value.TryGetValue(out double d))
            {
                if (!double.IsFinite(d))
                {
                    return RejectionReason.NonFiniteNumber;
                }

                writer.WriteNumberValue(d);
            }
            else if (value.TryGetValue(out string? s))
            {
                if (s.Length > maxBytes)
                {
                    // UTF-8 never takes fewer bytes than UTF-16 chars: too long already, do not write it to find out.
                    return RejectionReason.RawDataTooLarge;
                }

                writer.WriteStringValue(s);
            }
            else if (value.TryGetValue(out float f) && !float.IsFinite(f))
            {
                return RejectionReason.NonFiniteNumber;
            }
            else
            {
                value.WriteTo(writer);
            }

            return Written > maxBytes ? RejectionReason.RawDataTooLarge : RejectionReason.None;
        }
    }
}
