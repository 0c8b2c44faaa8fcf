using System.Globalization;
using System.Text;

namespace TradAI.Config.Core.Tree;

/// <summary>Formats and parses the dotted paths (<c>freqai.feature_parameters.periods[0]</c>) used in messages and overrides.</summary>
public static class ConfigPath
{
    /// <summary>Renders a key as it appears in a path.</summary>
    public static string FormatKey(object key) => key switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        double d => ConfigValues.FormatScalar(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };

    /// <summary>Appends a mapping key to a path.</summary>
    public static string Child(string parent, object key) =>
        parent.Length == 0 ? FormatKey(key) : parent + "." + FormatKey(key);

    /// <summary>Appends a list index to a path.</summary>
    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>Joins segments (keys and list indices) into a display path.</summary>
    public static string Join(IEnumerable<object> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            if (s is int i)
            {
                sb.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(FormatKey(s));
            }
        }

        return sb.ToString();
    }
}
