using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Deployment.Environments;

namespace TradAI.Cli;

/// <summary>
/// Parse-time checks of option values: a value that cannot be right is a usage error (exit 2) found before anything
/// runs, with a message naming the option and what it accepts.
/// </summary>
internal static partial class OptionChecks
{
    /// <summary>Each <c>--set</c> must be Hydra override syntax.</summary>
    public static T CheckOverrides<T>(this T option)
        where T : Option<string[]>
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                try
                {
                    ConfigOverride.Parse(token.Value);
                }
                catch (ConfigValidationException ex)
                {
                    result.AddError($"{option.Name}: {ex.Message}");
                }
            }
        });
        return option;
    }

    /// <summary>The value must be one of <paramref name="allowed"/> (ignoring case); the error lists them.</summary>
    public static Option<string?> CheckOneOf(this Option<string?> option, params string[] allowed)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<string?>(), v => allowed.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase), $"one of: {string.Join(", ", allowed)}"));
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>An environment name: dev, staging or prod.</summary>
    public static Option<string> CheckEnvironment(this Option<string> option)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<string>(), v => DeploymentEnvironments.TryParse(v, out _), $"one of: {DeploymentEnvironments.Expected}"));
        return option;
    }

    /// <inheritdoc cref="CheckEnvironment(Option{string})"/>
    public static Argument<string> CheckEnvironment(this Argument<string> argument)
    {
        argument.Validators.Add(result => Check(result, argument.Name, result.GetValueOrDefault<string>(), v => DeploymentEnvironments.TryParse(v, out _), $"one of: {DeploymentEnvironments.Expected}"));
        return argument;
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> CheckRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (!result.Implicit && result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                result.AddError($"{option.Name} must be between {min} and {max}, not {value}");
            }
        });
        return option;
    }

    /// <summary>An absolute http(s) URL.</summary>
    public static Option<string?> CheckHttpUrl(this Option<string?> option)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<string?>(),
            v => Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0,
            "an absolute http:// or https:// URL"));
        return option;
    }

    /// <summary>An AWS region code such as <c>us-east-1</c> or <c>us-gov-west-1</c>.</summary>
    public static Option<string?> CheckRegion(this Option<string?> option)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<string?>(), v => RegionPattern().IsMatch(v), "an AWS region code such as us-east-1"));
        return option;
    }

    private static void Check(SymbolResult result, string name, string? value, Func<string, bool> isValid, string expected)
    {
        if (value is not null && !isValid(value))
        {
            result.AddError($"{name}: '{InputSanitizer.Sanitize(value, 80)}' is not valid; expected {expected}");
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}
