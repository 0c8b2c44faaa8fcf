using System.Text.Json;
using TradAI.Config.Core.Tree;
using TradAI.Infra.Model;

namespace TradAI.Infra.Rendering;

/// <summary>Renders a resolved <see cref="InfraConfig"/> as JSON, as a config tree, or as YAML (what <c>tradai infra show</c> prints).</summary>
public static class InfraConfigDocument
{
    /// <summary>Indented JSON with snake_case names.</summary>
    public static string ToJson(InfraConfig config) => JsonSerializer.Serialize(config, InfraJsonContext.Default.InfraConfig);

    /// <summary>The config as a JSON element (the shape every other view derives from).</summary>
    public static JsonElement ToElement(InfraConfig config) => JsonSerializer.SerializeToElement(config, InfraJsonContext.Default.InfraConfig);

    /// <summary>The config as an ordered Core config tree.</summary>
    public static ConfigMapping ToTree(InfraConfig config) => (ConfigMapping)ToTreeValue(ToElement(config))!;

    /// <summary>Block-style YAML.</summary>
    public static string ToYaml(InfraConfig config) => ConfigYamlWriter.ToYaml(ToTree(config));

    private static object? ToTreeValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ConfigMapping.From(element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, ToTreeValue(p.Value)))),
        JsonValueKind.Array => ConfigSequence.From(element.EnumerateArray().Select(ToTreeValue)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
