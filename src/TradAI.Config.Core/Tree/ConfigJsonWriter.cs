using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Writes a config tree as JSON with <see cref="Utf8JsonWriter"/> (no reflection, AOT-safe).
/// Non-string keys become their string form; non-finite floats become the strings <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.
/// </summary>
public static class ConfigJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders a value (usually a <see cref="ConfigMapping"/>) as a JSON string.</summary>
    public static string ToJson(object? value, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a value to an existing JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case MissingValue:
                writer.WriteStringValue(MissingValue.Literal);
                break;
            case ConfigMapping m:
                writer.WriteStartObject();
                foreach (var (k, v) in m.Entries)
                {
                    writer.WritePropertyName(ConfigPath.FormatKey(k));
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
            case ConfigSequence seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Not a config value: {value.GetType().Name}", nameof(value));
        }
    }
}
