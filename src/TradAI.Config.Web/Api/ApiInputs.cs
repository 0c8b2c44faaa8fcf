using Microsoft.Net.Http.Headers;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Web.Api;

/// <summary>
/// Turns route values, query strings, headers and bodies into validated inputs, or a <see cref="RequestException"/>
/// (400/412/413/415) before any store is touched. Bodies go through the CLI's reader: bounded, strict UTF-8, the same
/// YAML limits (JSON is read as the YAML it is, as <c>tradai version create -f file.json</c> does).
/// </summary>
internal static class ApiInputs
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    /// <summary>A strategy name from a route (names may hold <c>/</c>, sent as <c>%2F</c>, which routing leaves encoded).</summary>
    public static string Strategy(string raw) => Validate(() => StrategyNames.Validate(Unescape(raw)));

    public static string ConfigId(string raw, string parameter = "config_id") =>
        Validate(() => ConfigVersionId.Validate(raw), parameter);

    public static string RequiredConfigId(string? raw, string parameter) =>
        string.IsNullOrEmpty(raw) ? throw new RequestException(StatusCodes.Status400BadRequest, $"the query parameter '{parameter}' is required") : ConfigId(raw, parameter);

    public static int Limit(string? raw)
    {
        if (raw is null)
        {
            return ConfigVersionService.DefaultPageSize;
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ConfigVersionService.MaxPageSize
            ? n
            : throw new RequestException(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {ConfigVersionService.MaxPageSize}");
    }

    public static ConfigVersionStatus? Status(string? raw) =>
        string.IsNullOrEmpty(raw) ? null : Validate(() => ConfigVersionStatusNames.Parse(raw), "status");

    /// <summary>
    /// The activation precondition: <c>If-Match: "&lt;active config_id&gt;"</c>, or <c>If-None-Match: *</c> for "no version
    /// is active"; null when neither header is sent. Entity tags compare strongly (RFC 9110 §13.1.1).
    /// </summary>
    public static ActivePrecondition? Precondition(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifMatch.Count > 0 && ifNoneMatch.Count > 0)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "send If-Match or If-None-Match, not both");
        }

        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) && tags.Count == 1 && tags[0].Equals(EntityTagHeaderValue.Any)
                ? ActivePrecondition.NoneActive
                : throw new RequestException(StatusCodes.Status400BadRequest, "If-None-Match must be * (activate only if no version is active)");
        }

        if (ifMatch.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(ifMatch, out var list) || list.Count != 1)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "If-Match must be one entity tag: the quoted config id of the active version, e.g. \"v3-a1b2c3d4\"");
        }

        var tag = list[0];
        if (tag.Equals(EntityTagHeaderValue.Any) || tag.IsWeak)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, "If-Match must name the active version with a strong entity tag (not * or W/)");
        }

        var id = tag.Tag.ToString().Trim('"');
        return ConfigVersionId.TryParse(id, out _, out _)
            ? ActivePrecondition.Active(id)
            : throw new RequestException(StatusCodes.Status412PreconditionFailed, $"If-Match names '{InputSanitizer.Sanitize(id)}', which is not a config id, so it cannot be the active version");
    }

    /// <summary>The strong entity tag of a version: its config id, quoted.</summary>
    public static string EntityTag(ConfigVersion version) => $"\"{version.ConfigId}\"";

    /// <summary>Reads the body as a config document (YAML or JSON) within <paramref name="options"/>' bounds.</summary>
    public static async Task<ConfigMapping> ReadConfigAsync(HttpRequest request, YamlReadOptions options, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MatchesMediaType("application/json") || YamlTypes.Any(y => type.MatchesMediaType(y))))
        {
            throw new RequestException(StatusCodes.Status415UnsupportedMediaType, "send the config as application/yaml or application/json");
        }

        if (request.ContentLength > options.MaxDocumentBytes)
        {
            throw TooLarge(options);
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = await Utf8Input.ReadBytesAsync(request.Body, options.MaxDocumentBytes, "request body", ct).ConfigureAwait(false);
        }
        catch (ConfigValidationException)
        {
            throw TooLarge(options);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(options);
        }

        return ParseDocument(bytes.Span, options);
    }

    /// <summary>Parses a submitted document; anything unreadable is a 400 (validation against the schema comes later, as 422).</summary>
    public static ConfigMapping ParseDocument(ReadOnlySpan<byte> bytes, YamlReadOptions options)
    {
        try
        {
            return YamlConfigReader.ParseMapping(Utf8Input.Decode(bytes, "request body"), "request body", options);
        }
        catch (ConfigValidationException ex)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static RequestException TooLarge(YamlReadOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the document is larger than the {options.MaxDocumentBytes:N0}-byte limit");

    private static string Unescape(string raw) =>
        raw.Contains('%', StringComparison.Ordinal) ? raw.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : raw;

    private static T Validate<T>(Func<T> check, string? parameter = null)
    {
        try
        {
            return check();
        }
        catch (ConfigValidationException ex)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, parameter is null ? ex.Message : $"{parameter}: {ex.Message}");
        }
    }
}
