using System.Globalization;
using System.Text;
using System.Text.Json;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Hashing;

/// <summary>
/// Reads JSON — typically the canonical form a version store keeps — back into a config tree, so stored
/// content round-trips to the same hash. Numbers without a fraction or exponent within ±(2^53−1) become
/// <see cref="long"/>, others <see cref="double"/>; the string <c>???</c> is <see cref="MissingValue"/>, as in YAML;
/// duplicate member names are an error, as RFC 8785 requires.
/// </summary>
public static class CanonicalJsonReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    /// <summary>Parses a JSON document whose root must be an object.</summary>
    /// <exception cref="ConfigValidationException">The text is not JSON, or its root is not an object.</exception>
    public static ConfigMapping ReadMapping(string json, string sourceName = "json")
    {
        var value = Read(json, sourceName);
        return value as ConfigMapping
            ?? throw new ConfigValidationException($"{InputSanitizer.Sanitize(sourceName)}: the JSON root must be an object, found {ConfigValues.TypeName(value)}");
    }

    /// <summary>Parses any JSON value into a config value.</summary>
    /// <exception cref="ConfigValidationException">The text is not well-formed JSON or repeats a member name.</exception>
    public static object? Read(string json, string sourceName = "json")
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), Options);
        try
        {
            if (!reader.Read())
            {
                throw new ConfigValidationException($"{InputSanitizer.Sanitize(sourceName)}: empty JSON document");
            }

            var value = ReadValue(ref reader, string.Empty);
            if (reader.Read())
            {
                throw new ConfigValidationException($"{InputSanitizer.Sanitize(sourceName)}: unexpected content after the JSON value");
            }

            return value;
        }
        catch (JsonException ex)
        {
            throw new ConfigValidationException(
                [new ValidationProblem(string.Empty, $"{InputSanitizer.Sanitize(sourceName)}: malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}")], null, ex);
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, string path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                // "???" is OmegaConf's missing marker however it is spelled, as the YAML readers treat it.
                var text = reader.GetString();
                return text == MissingValue.Literal ? MissingValue.Instance : text;
            case JsonTokenType.Number:
                var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                var isInteger = Array.IndexOf(raw, (byte)'.') < 0 && Array.IndexOf(raw, (byte)'e') < 0 && Array.IndexOf(raw, (byte)'E') < 0;
                if (isInteger && reader.TryGetInt64(out var l) && Math.Abs(l) <= JsonCanonicalizer.MaxSafeInteger)
                {
                    return l;
                }

                var d = double.Parse(Encoding.ASCII.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d))
                {
                    throw new ConfigValidationException(path, "number is out of the range of a double");
                }

                return d;
            case JsonTokenType.StartObject:
                var builder = new ConfigMappingBuilder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var child = ConfigPath.Child(path, name);
                    if (!builder.TryAdd(name, ReadValue(ref reader, child)))
                    {
                        throw new ConfigValidationException(child, "duplicate member name");
                    }
                }

                return builder.Build();
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, ConfigPath.Index(path, items.Count)));
                }

                return ConfigSequence.From(items);
            default:
                throw new ConfigValidationException(path, $"unexpected JSON token {reader.TokenType}");
        }
    }
}
