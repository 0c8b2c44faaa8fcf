using System.Text.Json;
using System.Text.Json.Serialization;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Web.Api.Contracts;

/// <summary>
/// Writes a config tree (mappings, sequences, scalars) as JSON through Core's <see cref="ConfigJsonWriter"/>, so the API
/// shows each value exactly as the CLI's <c>-o json</c> does (whole floats keep their <c>.0</c>). Responses only.
/// </summary>
public sealed class ConfigTreeJsonConverter : JsonConverter<object?>
{
    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("config trees are read with TradAI.Config.Core's readers, not deserialized");

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ConfigJsonWriter.Write(writer, value);
    }
}
