using System.Globalization;
using System.Text.Json.Nodes;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// Config values in the oracle's typed JSON (omegaconf_oracle.py): <c>{"i": "1"}</c>, <c>{"f": "1.0"}</c>,
/// <c>{"s": "1"}</c>, <c>{"b": true}</c>, <c>{"n": null}</c>, <c>{"l": [...]}</c>, <c>{"m": [[key, value], ...]}</c>,
/// so <c>1</c>, <c>1.0</c>, <c>'1'</c> and <c>True</c> all differ and mapping order counts. OmegaConf treats every
/// <c>"???"</c> string as missing, so <see cref="MissingValue"/> encodes as that string.
/// </summary>
internal static class TypedValues
{
    public static JsonNode Encode(object? value) => value switch
    {
        null => new JsonObject { ["n"] = null },
        bool b => new JsonObject { ["b"] = b },
        long l => new JsonObject { ["i"] = l.ToString(CultureInfo.InvariantCulture) },
        double d => new JsonObject { ["f"] = ConfigValues.FormatFloat(d) },
        string s => new JsonObject { ["s"] = s },
        MissingValue => new JsonObject { ["s"] = MissingValue.Literal },
        ConfigSequence q => new JsonObject { ["l"] = new JsonArray([.. q.Select(Encode)]) },
        ConfigMapping m => new JsonObject { ["m"] = new JsonArray([.. m.Select(e => (JsonNode)new JsonArray(Encode(e.Key), Encode(e.Value)))]) },
        _ => throw new ArgumentException($"not a config value: {value.GetType().Name}", nameof(value)),
    };
}
