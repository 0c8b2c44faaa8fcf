using System.Globalization;
using TradAI.Config.Core.Tree;

namespace TradAI.Settings.Sources;

/// <summary>
/// A config tree seen as settings: nested mappings join their keys with <c>_</c>
/// (<c>mlflow: {tracking_uri: …}</c> sets <c>mlflow_tracking_uri</c>), keys match case-insensitively,
/// scalars become text and lists of scalars become lists.
/// </summary>
internal sealed class FlatConfig
{
    private readonly Dictionary<string, object> _values = new(StringComparer.OrdinalIgnoreCase);

    public FlatConfig(ConfigMapping tree, string location)
    {
        Location = location;
        Add(string.Empty, tree);
    }

    /// <summary>Where the tree came from (<c>s3://b/k.yaml</c>, a path, or <c>config tree</c>).</summary>
    public string Location { get; }

    public bool TryGet(string key, out object value) => _values.TryGetValue(key, out value!);

    private void Add(string prefix, ConfigMapping mapping)
    {
        foreach (var (k, v) in mapping.Entries)
        {
            var key = prefix + (k as string ?? Convert.ToString(k, CultureInfo.InvariantCulture)!.ToLowerInvariant());
            switch (v)
            {
                case null or MissingValue:
                    break;
                case ConfigMapping nested:
                    Add(key + "_", nested);
                    break;
                case ConfigSequence seq:
                    _values[key] = seq.All(IsScalar) ? seq.Select(x => Scalar(x!)).ToArray() : seq;
                    break;
                default:
                    _values[key] = Scalar(v);
                    break;
            }
        }
    }

    private static bool IsScalar(object? value) => value is bool or long or double or string;

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => ConfigValues.FormatFloat(d),
        string s => s,
        _ => ConfigJsonWriter.ToJson(value, indented: false),
    };
}
