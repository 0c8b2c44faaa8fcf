using System.Text.Json;
using TradAI.Infra.Model;

namespace TradAI.Infra.Rendering;

/// <summary>
/// Flattens a config to <c>path → value</c> lines. List items that carry a <c>key</c> or <c>name</c> are addressed by
/// it (<c>services[backend].desired_count</c>) so two environments line up by identity, not by position.
/// </summary>
public static class InfraConfigFlattener
{
    /// <summary>Every leaf of the config, in document order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(InfraConfig config)
    {
        var result = new List<KeyValuePair<string, string>>();
        Walk(InfraConfigDocument.ToElement(config), string.Empty, result);
        return result;
    }

    private static void Walk(JsonElement element, string path, List<KeyValuePair<string, string>> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, into);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                into.Add(new(path, "[]"));
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array):
                // A list of scalars is one setting (zones, origins, path patterns): compare it whole.
                into.Add(new(path, "[" + string.Join(", ", element.EnumerateArray().Select(Scalar)) + "]"));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{Identity(item) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", into);
                    index++;
                }

                break;
            default:
                into.Add(new(path, Scalar(element)));
                break;
        }
    }

    private static string? Identity(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["key", "name", "id", "service"])
        {
            if (item.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String)
            {
                return id.GetString();
            }
        }

        return null;
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };
}
