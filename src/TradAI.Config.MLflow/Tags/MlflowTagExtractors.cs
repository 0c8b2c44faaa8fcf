using System.Globalization;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.MLflow.Tags;

/// <summary>
/// The table-driven tag extractors of SPEC §4.3 (<c>_TAG_EXTRACTORS</c>): model-version tags become config overrides
/// merged over the stored config. The default table:
/// <list type="table">
///   <listheader><term>tag</term><description>config path — parser</description></listheader>
///   <item><term><c>strategy_version</c></term><description><c>version</c> — str</description></item>
///   <item><term><c>timeframe</c></term><description><c>timeframe</c> — str</description></item>
///   <item><term><c>pairs</c></term><description><c>pairs</c> — csv_list</description></item>
///   <item><term><c>stake_currency</c></term><description><c>stake_currency</c> — str</description></item>
///   <item><term><c>exchange</c></term><description><c>exchange</c> — str</description></item>
///   <item><term><c>max_open_trades</c></term><description><c>max_open_trades</c> — int</description></item>
///   <item><term><c>dry_run</c></term><description><c>dry_run</c> — bool</description></item>
///   <item><term><c>freqai_enabled</c></term><description><c>freqai.enabled</c> — bool</description></item>
///   <item><term><c>freqai_identifier</c></term><description><c>freqai.identifier</c> — str</description></item>
///   <item><term><c>train_period_days</c></term><description><c>freqai.train_period_days</c> — int</description></item>
///   <item><term><c>backtest_period_days</c></term><description><c>freqai.backtest_period_days</c> — int</description></item>
///   <item><term><c>feature_timeframes</c></term><description><c>freqai.feature_parameters.include_timeframes</c> — csv_list</description></item>
/// </list>
/// The tag <c>config_name</c> (see <see cref="ConfigNameTag"/>) is not an override: it names the stored config to load.
/// Tags not in the table are ignored. A tag whose value its parser rejects is a
/// <see cref="ConfigValidationException"/> naming the tag (path <c>tags.&lt;tag&gt;</c>); all bad tags are reported at once.
/// </summary>
public static class MlflowTagExtractors
{
    /// <summary>The tag that names the config in the store; the strategy name is used when it is absent.</summary>
    public const string ConfigNameTag = "config_name";

    /// <summary>The default tag table (documented above).</summary>
    public static IReadOnlyList<TagExtractor> Default { get; } =
    [
        new("strategy_version", "version", TagParser.Str),
        new("timeframe", "timeframe", TagParser.Str),
        new("pairs", "pairs", TagParser.CsvList),
        new("stake_currency", "stake_currency", TagParser.Str),
        new("exchange", "exchange", TagParser.Str),
        new("max_open_trades", "max_open_trades", TagParser.Int),
        new("dry_run", "dry_run", TagParser.Bool),
        new("freqai_enabled", "freqai.enabled", TagParser.Bool),
        new("freqai_identifier", "freqai.identifier", TagParser.Str),
        new("train_period_days", "freqai.train_period_days", TagParser.Int),
        new("backtest_period_days", "freqai.backtest_period_days", TagParser.Int),
        new("feature_timeframes", "freqai.feature_parameters.include_timeframes", TagParser.CsvList),
    ];

    /// <summary>Builds the override mapping from <paramref name="tags"/> using <paramref name="table"/> (default: <see cref="Default"/>).</summary>
    /// <exception cref="ConfigValidationException">One problem per tag whose value does not parse.</exception>
    public static ConfigMapping Extract(IReadOnlyDictionary<string, string> tags, IReadOnlyList<TagExtractor>? table = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var overrides = ConfigMapping.Empty;
        var problems = new List<ValidationProblem>();
        foreach (var row in table ?? Default)
        {
            if (!tags.TryGetValue(row.Tag, out var text))
            {
                continue;
            }

            if (TryParse(row.Parser, text, out var value, out var why))
            {
                overrides = SetPath(overrides, row.ConfigPath.Split('.'), 0, value);
            }
            else
            {
                problems.Add(new ValidationProblem(
                    "tags." + row.Tag,
                    $"MLflow tag '{InputSanitizer.Sanitize(row.Tag)}' = '{InputSanitizer.Sanitize(text, 80)}' {why} (it sets {row.ConfigPath})"));
            }
        }

        return problems.Count == 0 ? overrides : throw new ConfigValidationException(problems, "Invalid MLflow model-version tags");
    }

    /// <summary>Parses one tag text; on failure says why in words fit for an error message.</summary>
    public static bool TryParse(TagParser parser, string text, out object? value, out string why)
    {
        ArgumentNullException.ThrowIfNull(text);
        why = string.Empty;
        switch (parser)
        {
            case TagParser.Str:
                value = text;
                return true;
            case TagParser.CsvList:
                value = ConfigSequence.From(text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => (object?)s));
                return true;
            case TagParser.Int:
                if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    value = n;
                    return true;
                }

                value = null;
                why = "is not a whole number";
                return false;
            case TagParser.Bool:
                switch (text.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "on" or "1":
                        value = true;
                        return true;
                    case "false" or "no" or "off" or "0":
                        value = false;
                        return true;
                    default:
                        value = null;
                        why = "is not a boolean (true/false, yes/no, on/off, 1/0)";
                        return false;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(parser), parser, "unknown tag parser");
        }
    }

    private static ConfigMapping SetPath(ConfigMapping mapping, string[] segments, int index, object? value)
    {
        var key = segments[index];
        if (index == segments.Length - 1)
        {
            return mapping.With(key, value);
        }

        var child = mapping.TryGetValue(key, out var existing) && existing is ConfigMapping m ? m : ConfigMapping.Empty;
        return mapping.With(key, SetPath(child, segments, index + 1, value));
    }
}
