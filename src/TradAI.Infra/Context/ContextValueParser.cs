using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradAI.Config.Core.Errors;

namespace TradAI.Infra.Context;

/// <summary>
/// Turns raw context values into typed ones, collecting a <see cref="ValidationProblem"/> that names the key for
/// every bad value instead of stopping at the first.
/// </summary>
internal sealed partial class ContextValueParser(InfraContext context)
{
    private readonly List<ValidationProblem> _problems = [];

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<ValidationProblem> Problems => _problems;

    /// <summary>Records a problem found by the caller (conflicts between keys).</summary>
    public void Fail(string key, string message) => _problems.Add(new ValidationProblem("context." + key, message));

    /// <summary>A boolean: true/false (any case), or a JSON boolean from cdk.json.</summary>
    public bool? Bool(string key)
    {
        switch (context.Get(key))
        {
            case null:
                return null;
            case bool b:
                return b;
            case string s when bool.TryParse(s.Trim(), out var parsed):
                return parsed;
            case var other:
                Fail(key, $"'{Show(other)}' is not a boolean; use true or false");
                return null;
        }
    }

    /// <summary>A non-empty string that matches <paramref name="pattern"/>; <paramref name="expected"/> says what a valid value looks like.</summary>
    public string? Text(string key, Regex pattern, string expected)
    {
        switch (context.Get(key))
        {
            case null:
                return null;
            case string s when pattern.IsMatch(s.Trim()):
                return s.Trim();
            case var other:
                Fail(key, $"'{Show(other)}' is not valid; expected {expected}");
                return null;
        }
    }

    /// <summary>An EventBridge schedule expression: <c>rate(N unit)</c> or <c>cron(six fields)</c>.</summary>
    public string? Schedule(string key)
    {
        switch (context.Get(key))
        {
            case null:
                return null;
            case string s:
                var problem = ScheduleExpressions.Check(s.Trim());
                if (problem is null)
                {
                    return s.Trim();
                }

                Fail(key, $"'{Show(s)}' is not a schedule expression: {problem}");
                return null;
            case var other:
                Fail(key, $"'{Show(other)}' is not a schedule expression; expected rate(...) or cron(...)");
                return null;
        }
    }

    /// <summary>
    /// A list of strings: a list from cdk.json, a JSON array string (<c>["a","b"]</c>), or a comma-separated
    /// string (<c>a,b</c>); an empty string or <c>[]</c> is an empty list.
    /// </summary>
    public IReadOnlyList<string>? List(string key)
    {
        var raw = context.Get(key);
        switch (raw)
        {
            case null:
                return null;
            case string s when s.TrimStart().StartsWith('['):
                return JsonList(key, s);
            case string s:
                return s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            case IEnumerable items:
                var list = new List<string>();
                foreach (var item in items)
                {
                    if (item is not string text)
                    {
                        Fail(key, $"list item '{Show(item)}' is not a string");
                        return null;
                    }

                    list.Add(text.Trim());
                }

                return list;
            default:
                Fail(key, $"'{Show(raw)}' is not a list; use a JSON array or comma-separated values");
                return null;
        }
    }

    private IReadOnlyList<string>? JsonList(string key, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                Fail(key, "expected a JSON array of strings");
                return null;
            }

            var list = new List<string>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    Fail(key, $"list item {item.GetRawText()} is not a string");
                    return null;
                }

                list.Add(item.GetString()!.Trim());
            }

            return list;
        }
        catch (JsonException ex)
        {
            Fail(key, $"not a valid JSON array ({InputSanitizer.Sanitize(ex.Message)})");
            return null;
        }
    }

    private static string Show(object? value) => InputSanitizer.Sanitize(value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    });
}
