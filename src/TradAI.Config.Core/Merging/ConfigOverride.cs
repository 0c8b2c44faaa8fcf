using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// One parsed Hydra override (<c>a.b=1</c>, <c>+a.c=x</c>, <c>++a.c=[1,2]</c>, <c>~a.b</c>).
/// The value is parsed as YAML, so <c>a=1</c> is an int, <c>a='1'</c> a string, <c>a=[1,2]</c> a list, <c>a=</c> an empty string.
/// </summary>
public sealed record ConfigOverride(OverrideKind Kind, IReadOnlyList<string> Path, object? Value, bool HasValue, string Text)
{
    /// <summary>The dotted key the override addresses.</summary>
    public string Key => string.Join('.', Path);

    /// <summary>Parses one override string.</summary>
    /// <exception cref="ConfigValidationException">The override is malformed; the message shows it, sanitized.</exception>
    public static ConfigOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kind = OverrideKind.Change;
        var rest = text.AsSpan();
        if (rest.StartsWith("++"))
        {
            kind = OverrideKind.ForceAdd;
            rest = rest[2..];
        }
        else if (rest.StartsWith("+"))
        {
            kind = OverrideKind.Add;
            rest = rest[1..];
        }
        else if (rest.StartsWith("~"))
        {
            kind = OverrideKind.Delete;
            rest = rest[1..];
        }

        var eq = rest.IndexOf('=');
        var keyText = (eq < 0 ? rest : rest[..eq]).Trim().ToString();
        if (eq < 0 && kind != OverrideKind.Delete)
        {
            throw Invalid(text, "expected KEY=VALUE (or ~KEY to delete)");
        }

        var path = ParseKey(keyText, text);
        if (eq < 0)
        {
            return new ConfigOverride(kind, path, null, false, text);
        }

        var valueText = rest[(eq + 1)..].ToString();
        return new ConfigOverride(kind, path, ParseValue(valueText, text), true, text);
    }

    private static string[] ParseKey(string key, string text)
    {
        if (key.Length == 0)
        {
            throw Invalid(text, "the key is empty");
        }

        var parts = key.Split('.');
        if (parts.Length > YamlReadOptions.Default.MaxDepth)
        {
            throw Invalid(text, $"the key has {parts.Length} segments; configs nest at most {YamlReadOptions.Default.MaxDepth} levels");
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                throw Invalid(text, "the key has an empty segment");
            }

            foreach (var c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '/' or '@' or '$'))
                {
                    throw Invalid(text, $"the key contains '{c}'");
                }
            }
        }

        return parts;
    }

    private static object? ParseValue(string valueText, string text)
    {
        var trimmed = valueText.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty; // Hydra: "a=" sets the empty string
        }

        if (trimmed[0] == '#')
        {
            return trimmed; // a YAML comment would swallow it
        }

        try
        {
            return YamlConfigReader.Parse(trimmed, sourceName: null, new YamlReadOptions { MaxDocumentBytes = 64 * 1024, MaxExpandedNodes = 10_000 });
        }
        catch (ConfigValidationException ex)
        {
            throw Invalid(text, "the value is not valid YAML: " + ex.Problems[0].Message);
        }
    }

    private static ConfigValidationException Invalid(string text, string why) =>
        new("overrides", $"invalid override '{InputSanitizer.Sanitize(text)}': {why}");

    public override string ToString() => Text;
}
