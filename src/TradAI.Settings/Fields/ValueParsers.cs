using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradAI.Settings.Fields;

/// <summary>
/// Text-to-value conversions shared by every settings type, with the spellings Pydantic accepts
/// (booleans as true/false/1/0/yes/no/on/off; lists as comma-separated text or a JSON array).
/// </summary>
public static class ValueParsers
{
    public static Parsed<string> Text(string text) => Parsed<string>.Success(text);

    // int.TryParse ignores trailing NULs ("80\0" is 80): refuse them, a value is what it says or an error.
    public static Parsed<int> Integer(string text) =>
        !text.Contains('\0', StringComparison.Ordinal) && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            ? Parsed<int>.Success(value)
            : Parsed<int>.Failure("must be a whole number");

    public static Parsed<bool> Boolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" or "y" or "t" => Parsed<bool>.Success(true),
        "false" or "0" or "no" or "off" or "n" or "f" => Parsed<bool>.Success(false),
        _ => Parsed<bool>.Failure("must be a boolean (true/false, 1/0, yes/no, on/off)"),
    };

    /// <summary>
    /// A list from a JSON array of strings (<c>["a","b"]</c>) or comma-separated text (<c>a, b</c>).
    /// Items are trimmed; an empty item (<c>a,,b</c>, a trailing comma) is an error rather than silently dropped.
    /// </summary>
    public static Parsed<StringList> List(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            return JsonArray(trimmed);
        }

        var parts = trimmed.Split(',');
        var items = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var item = parts[i].Trim();
            if (item.Length == 0)
            {
                return Parsed<StringList>.Failure($"comma-separated list has an empty item at position {i + 1}");
            }

            items[i] = item;
        }

        return Parsed<StringList>.Success(StringList.From(items));
    }

    /// <summary>A list given as separate items (a YAML sequence or code); each item is trimmed and must not be empty.</summary>
    public static Parsed<StringList> Items(IReadOnlyList<string> items)
    {
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Trim();
            if (item.Length == 0)
            {
                return Parsed<StringList>.Failure($"list has an empty item at position {i + 1}");
            }

            result[i] = item;
        }

        return Parsed<StringList>.Success(StringList.From(result));
    }

    private static Parsed<StringList> JsonArray(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var items = new List<string>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return Parsed<StringList>.Failure("must be a JSON array of strings");
            }

            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        if (reader.Read())
                        {
                            return Parsed<StringList>.Failure("has text after the JSON array");
                        }

                        return Items(items);
                    case JsonTokenType.String:
                        items.Add(reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        items.Add(Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    default:
                        return Parsed<StringList>.Failure("must be a JSON array of strings (found a nested value)");
                }
            }
        }
        catch (JsonException)
        {
            return Parsed<StringList>.Failure("is not a valid JSON array");
        }

        return Parsed<StringList>.Failure("is not a valid JSON array (unterminated)");
    }
}
