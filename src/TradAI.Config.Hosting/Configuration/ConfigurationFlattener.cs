using System.Globalization;
using Microsoft.Extensions.Configuration;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Hosting.Configuration;

/// <summary>
/// A config tree as <see cref="IConfiguration"/> key/value pairs under a prefix, the way the JSON provider lays out a
/// document: nested keys joined with <c>:</c>, list items by index, scalars in invariant text (<c>true</c>, <c>0.5</c>),
/// null and empty mappings/lists as null values. Keys are case-insensitive, as configuration keys are.
/// </summary>
internal static class ConfigurationFlattener
{
    public static Dictionary<string, string?> Flatten(ConfigMapping document, string prefix)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(document, prefix, data);
        return data;
    }

    private static void Visit(object? value, string path, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case ConfigMapping mapping when mapping.Count > 0:
                foreach (var (key, child) in mapping.Entries)
                {
                    Visit(child, ConfigurationPath.Combine(path, KeyText(key)), data);
                }

                break;
            case ConfigSequence sequence when sequence.Count > 0:
                for (var i = 0; i < sequence.Count; i++)
                {
                    Visit(sequence[i], ConfigurationPath.Combine(path, i.ToString(CultureInfo.InvariantCulture)), data);
                }

                break;
            case ConfigMapping or ConfigSequence or null:
                data[path] = null;
                break;
            default:
                data[path] = ScalarText(value);
                break;
        }
    }

    private static string KeyText(object key) => key as string ?? ScalarText(key);

    private static string ScalarText(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        _ => ConfigValues.FormatScalar(value),
    };
}
