using System.Collections.ObjectModel;
using TradAI.Config.Core.Errors;

namespace TradAI.Infra.Context;

/// <summary>
/// The override values given for one resolution, keyed by <see cref="InfraContextKeys"/>. A value is a string
/// (from <c>-c key=value</c>), a bool, or a list of strings (from <c>cdk.json</c>); the resolver parses them.
/// </summary>
public sealed class InfraContext
{
    private InfraContext(IReadOnlyDictionary<string, object?> values) => Values = values;

    /// <summary>No overrides.</summary>
    public static InfraContext Empty { get; } = new(ReadOnlyDictionary<string, object?>.Empty);

    /// <summary>The raw values, by key.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Context from already-split values (the CDK app's context, tests). Keys that are not ours are dropped.</summary>
    public static InfraContext From(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var known = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (InfraContextKeys.IsKnown(key) && value is not null)
            {
                known[key] = value;
            }
        }

        return new InfraContext(known);
    }

    /// <summary>
    /// Context from <c>key=value</c> assignments (the CLI's <c>--context</c>). Unknown keys are refused so a
    /// typo does not silently resolve the defaults.
    /// </summary>
    /// <exception cref="ConfigValidationException">An assignment has no <c>=</c>, an empty key, or an unknown key.</exception>
    public static InfraContext Parse(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<ValidationProblem>();
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add(new ValidationProblem("context", $"'{InputSanitizer.Sanitize(assignment)}' is not key=value"));
                continue;
            }

            var key = assignment[..eq].Trim();
            if (!InfraContextKeys.IsKnown(key))
            {
                problems.Add(new ValidationProblem(
                    "context." + InputSanitizer.Sanitize(key),
                    "unknown context key; known keys: " + string.Join(", ", InfraContextKeys.All.Select(k => k.Key))));
                continue;
            }

            values[key] = assignment[(eq + 1)..];
        }

        if (problems.Count > 0)
        {
            throw new ConfigValidationException(problems);
        }

        return new InfraContext(values);
    }

    /// <summary>A copy with one key set (the CLI's <c>--env</c> wins over a <c>--context environment=...</c>).</summary>
    public InfraContext With(string key, object? value)
    {
        var copy = new Dictionary<string, object?>(Values, StringComparer.Ordinal) { [key] = value };
        return new InfraContext(copy);
    }

    /// <summary>The raw value of a key, or null.</summary>
    public object? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;
}
