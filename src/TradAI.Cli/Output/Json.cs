using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TradAI.Cli.Output;

/// <summary>Small reflection-free JSON helpers for machine-readable output.</summary>
internal static class Json
{
    public static string StringArray(IEnumerable<string> items) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var i in items)
        {
            w.WriteStringValue(i);
        }

        w.WriteEndArray();
    });

    public static string Write(Action<Utf8JsonWriter> body, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
