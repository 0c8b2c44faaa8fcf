using System.Text.RegularExpressions;

namespace TradAI.Infra.Context;

/// <summary>
/// Checks EventBridge schedule expressions before synthesis, so a typo fails on the developer's machine instead of
/// in a CloudFormation rollback.
/// </summary>
public static partial class ScheduleExpressions
{
    /// <summary>Null when <paramref name="expression"/> is valid, else what is wrong with it.</summary>
    public static string? Check(string expression)
    {
        var rate = RatePattern().Match(expression);
        if (rate.Success)
        {
            if (!int.TryParse(rate.Groups["n"].Value, out var n) || n < 1)
            {
                return "the rate must be a positive whole number";
            }

            var unit = rate.Groups["unit"].Value;
            var plural = unit.EndsWith('s');
            if (n == 1 && plural)
            {
                return $"a rate of 1 takes the singular unit ({unit[..^1]})";
            }

            return n > 1 && !plural ? $"a rate above 1 takes the plural unit ({unit}s)" : null;
        }

        var cron = CronPattern().Match(expression);
        if (cron.Success)
        {
            var fields = cron.Groups["fields"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
            {
                return $"cron takes 6 fields (minutes hours day-of-month month day-of-week year), got {fields.Length}";
            }

            if (fields[2] != "?" && fields[4] != "?")
            {
                return "cron needs '?' in day-of-month or day-of-week";
            }

            return fields.Any(f => !CronFieldPattern().IsMatch(f)) ? "a cron field holds characters EventBridge does not accept" : null;
        }

        return "expected rate(N minute|minutes|hour|hours|day|days) or cron(minutes hours day-of-month month day-of-week year)";
    }

    [GeneratedRegex(@"^rate\((?<n>-?\d+) (?<unit>minutes?|hours?|days?)\)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\((?<fields>[^()]+)\)$")]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^[0-9A-Za-z*?,/\-#L W]+$")]
    private static partial Regex CronFieldPattern();
}
