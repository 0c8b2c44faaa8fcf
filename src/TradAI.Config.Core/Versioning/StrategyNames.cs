using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Rules for strategy names used as a version store's partition key: 1–128 characters of letters, digits,
/// <c>_ - . /</c>, starting with a letter or digit. Anything else is rejected before it reaches a store.
/// </summary>
public static class StrategyNames
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns the name, or throws a <see cref="ConfigValidationException"/> saying what is wrong.</summary>
    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ConfigValidationException("strategy_name", "strategy name is empty");
        }

        if (name.Length > MaxLength)
        {
            throw new ConfigValidationException("strategy_name", $"strategy name is longer than {MaxLength} characters");
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw new ConfigValidationException("strategy_name", $"invalid strategy name '{InputSanitizer.Sanitize(name)}': it must start with a letter or digit");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/'))
            {
                throw new ConfigValidationException(
                    "strategy_name", $"invalid strategy name '{InputSanitizer.Sanitize(name)}': only letters, digits and _ - . / are allowed");
            }
        }

        return name;
    }
}
