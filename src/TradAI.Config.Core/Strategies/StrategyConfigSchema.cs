using System.Text.RegularExpressions;
using TradAI.Config.Core.Collections;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Validation;

namespace TradAI.Config.Core.Strategies;

/// <summary>
/// The schema of a strategy config: types and constraints of every <see cref="StrategyConfig"/> field,
/// checked all at once so a single error lists every problem with its path.
/// </summary>
public sealed partial class StrategyConfigSchema : IConfigSchema
{
    /// <summary>The shared instance (the schema has no state).</summary>
    public static StrategyConfigSchema Instance { get; } = new();

    /// <summary>Fields a strategy config must have.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["name", "version", "timeframe", "pairs", "stake_currency", "exchange"];

    // SemVer 2.0.0, the regex from semver.org.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^\d+[mhd]$", RegexOptions.CultureInvariant)]
    private static partial Regex Timeframe();

    [GeneratedRegex(@"^[A-Za-z0-9.\-_]+/[A-Za-z0-9.\-_]+(:[A-Za-z0-9.\-_]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();

    /// <inheritdoc />
    public IReadOnlyList<ValidationProblem> Validate(ConfigMapping config)
    {
        var problems = new List<ValidationProblem>();
        Check(config, problems);
        return problems;
    }

    /// <summary>Validates and builds the typed record.</summary>
    /// <exception cref="ConfigValidationException">Every problem, each with its path.</exception>
    public StrategyConfig Bind(ConfigMapping config)
    {
        var problems = new List<ValidationProblem>();
        ConfigChecks.FindMissing(config, string.Empty, problems);
        var fields = Check(config, problems);
        if (problems.Count > 0)
        {
            throw new ConfigValidationException(ConfigChecks.Deduplicate(problems), "Strategy config is invalid");
        }

        return new StrategyConfig
        {
            Name = fields.Name!,
            Version = fields.Version!,
            Timeframe = fields.Timeframe!,
            Pairs = fields.Pairs!,
            StakeCurrency = fields.StakeCurrency!,
            Exchange = fields.Exchange!,
            Parameters = fields.Parameters ?? ConfigMapping.Empty,
            BuyParams = fields.BuyParams ?? ConfigMapping.Empty,
            SellParams = fields.SellParams ?? ConfigMapping.Empty,
            FreqAI = fields.FreqAI,
            Document = config,
        };
    }

    private sealed class Fields
    {
        public string? Name;
        public string? Version;
        public string? Timeframe;
        public ValueList<string>? Pairs;
        public string? StakeCurrency;
        public string? Exchange;
        public ConfigMapping? Parameters;
        public ConfigMapping? BuyParams;
        public ConfigMapping? SellParams;
        public ConfigMapping? FreqAI;
    }

    private static Fields Check(ConfigMapping config, List<ValidationProblem> problems)
    {
        var f = new Fields
        {
            Name = RequiredString(config, "name", problems),
            Version = RequiredString(config, "version", problems),
            Timeframe = RequiredString(config, "timeframe", problems),
            StakeCurrency = RequiredString(config, "stake_currency", problems),
            Exchange = ExchangeName(config, problems),
            Parameters = OptionalMapping(config, "parameters", problems),
            BuyParams = OptionalMapping(config, "buy_params", problems),
            SellParams = OptionalMapping(config, "sell_params", problems),
            FreqAI = OptionalMapping(config, "freqai", problems),
        };

        if (f.Name is { Length: 0 })
        {
            problems.Add(new("name", "must be at least 1 character"));
        }

        if (f.Version is not null && !SemVer().IsMatch(f.Version))
        {
            problems.Add(new("version", $"'{InputSanitizer.Sanitize(f.Version)}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)"));
        }

        if (f.Timeframe is not null && !Timeframe().IsMatch(f.Timeframe))
        {
            problems.Add(new("timeframe", $"'{InputSanitizer.Sanitize(f.Timeframe)}' does not match ^\\d+[mhd]$ (e.g. 5m, 1h, 1d)"));
        }

        f.Pairs = CheckPairs(config, f.StakeCurrency, problems);
        if (f.FreqAI is not null)
        {
            CheckFreqAI(f.FreqAI, problems);
        }

        return f;
    }

    private static string? ExchangeName(ConfigMapping config, List<ValidationProblem> problems)
    {
        // Freqtrade writes the exchange as a mapping with a name; TradAI configs often give just the name.
        if (config.TryGetValue("exchange", out var v) && v is ConfigMapping m)
        {
            return RequiredString(m, "name", problems, "exchange.name");
        }

        return RequiredString(config, "exchange", problems);
    }

    private static ValueList<string>? CheckPairs(ConfigMapping config, string? stake, List<ValidationProblem> problems)
    {
        if (!config.TryGetValue("pairs", out var value) || value is null)
        {
            problems.Add(new("pairs", "required field is missing"));
            return null;
        }

        if (value is not ConfigSequence seq)
        {
            problems.Add(new("pairs", $"must be a list of pairs, not a {ConfigValues.TypeName(value)}"));
            return null;
        }

        if (seq.Count == 0)
        {
            problems.Add(new("pairs", "must list at least one pair"));
        }

        var pairs = new List<string>(seq.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Count; i++)
        {
            var path = ConfigPath.Index("pairs", i);
            if (seq[i] is not string pair)
            {
                problems.Add(new(path, $"must be a string such as BTC/USDT, not a {ConfigValues.TypeName(seq[i])}"));
                continue;
            }

            if (!Pair().IsMatch(pair))
            {
                problems.Add(new(path, $"'{InputSanitizer.Sanitize(pair)}' is not a pair of the form BASE/QUOTE"));
            }
            else if (stake is not null && !string.Equals(QuoteOf(pair), stake, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(path, $"'{InputSanitizer.Sanitize(pair)}' does not trade against stake_currency '{InputSanitizer.Sanitize(stake)}'"));
            }
            else if (!seen.Add(pair))
            {
                problems.Add(new(path, $"'{InputSanitizer.Sanitize(pair)}' is listed twice"));
            }

            pairs.Add(pair);
        }

        return pairs.ToValueList();
    }

    private static string QuoteOf(string pair)
    {
        var quote = pair[(pair.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var colon = quote.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? quote[..colon] : quote;
    }

    private static void CheckFreqAI(ConfigMapping freqai, List<ValidationProblem> problems)
    {
        if (freqai.TryGetValue("enabled", out var enabled) && enabled is not bool and not null)
        {
            problems.Add(new("freqai.enabled", $"must be a boolean, not a {ConfigValues.TypeName(enabled)}"));
        }

        PositiveInt(freqai, "train_period_days", problems);
        PositiveNumber(freqai, "backtest_period_days", problems);
        PositiveInt(freqai, "label_period_candles", problems);
        if (freqai.TryGetValue("identifier", out var id) && id is not string { Length: > 0 } and not null)
        {
            problems.Add(new("freqai.identifier", "must be a non-empty string"));
        }

        if (freqai.TryGetValue("feature_parameters", out var fp) && fp is not ConfigMapping and not null)
        {
            problems.Add(new("freqai.feature_parameters", $"must be a mapping, not a {ConfigValues.TypeName(fp)}"));
        }
    }

    private static void PositiveInt(ConfigMapping m, string key, List<ValidationProblem> problems)
    {
        if (!m.TryGetValue(key, out var v) || v is null or MissingValue)
        {
            return;
        }

        if (v is not long l)
        {
            problems.Add(new("freqai." + key, $"must be an integer, not a {ConfigValues.TypeName(v)}"));
        }
        else if (l <= 0)
        {
            problems.Add(new("freqai." + key, $"must be greater than 0 (got {l})"));
        }
    }

    private static void PositiveNumber(ConfigMapping m, string key, List<ValidationProblem> problems)
    {
        if (!m.TryGetValue(key, out var v) || v is null or MissingValue)
        {
            return;
        }

        var d = v switch { long l => l, double x => x, _ => double.NaN };
        if (v is not (long or double))
        {
            problems.Add(new("freqai." + key, $"must be a number, not a {ConfigValues.TypeName(v)}"));
        }
        else if (!(d > 0))
        {
            problems.Add(new("freqai." + key, $"must be greater than 0 (got {ConfigValues.FormatScalar(v)})"));
        }
    }

    private static string? RequiredString(ConfigMapping m, string key, List<ValidationProblem> problems, string? path = null)
    {
        path ??= key;
        if (!m.TryGetValue(key, out var v) || v is null)
        {
            problems.Add(new(path, "required field is missing"));
            return null;
        }

        if (v is MissingValue)
        {
            problems.Add(new(path, "missing mandatory value (???): supply it in an override"));
            return null;
        }

        if (v is not string s)
        {
            problems.Add(new(path, $"must be a string, not a {ConfigValues.TypeName(v)}"));
            return null;
        }

        return s;
    }

    private static ConfigMapping? OptionalMapping(ConfigMapping m, string key, List<ValidationProblem> problems)
    {
        if (!m.TryGetValue(key, out var v) || v is null or MissingValue)
        {
            return null;
        }

        if (v is not ConfigMapping map)
        {
            problems.Add(new(key, $"must be a mapping, not a {ConfigValues.TypeName(v)}"));
            return null;
        }

        return map;
    }
}
