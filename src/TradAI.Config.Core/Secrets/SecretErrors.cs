using System.Text.Json;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Secrets;

/// <summary>
/// The SPEC §5.2 error table in one place, so every <see cref="ISecretStore"/> fails with the same messages and codes.
/// Messages name the (sanitized) secret, never its value.
/// </summary>
public static class SecretErrors
{
    public const string NotFoundCode = "ResourceNotFoundException";
    public const string AccessDeniedCode = "AccessDeniedException";
    public const string InvalidRequestCode = "InvalidRequestException";
    public const string NotJsonCode = "InvalidSecretJson";

    /// <summary>Largest secret value Secrets Manager stores (64 KiB); local sources read no more.</summary>
    public const int MaxSecretBytes = 65_536;

    public static ExternalServiceException NotFound(string service, string name, string? detail = null) =>
        new(service, $"Secret not found: {InputSanitizer.Sanitize(name)}{Detail(detail)}") { ErrorCode = NotFoundCode };

    public static ExternalServiceException AccessDenied(string service, string name, string? detail = null) =>
        new(service, $"Access denied: {InputSanitizer.Sanitize(name)}{Detail(detail)}") { ErrorCode = AccessDeniedCode };

    public static ExternalServiceException InvalidRequest(string service, string name, string? detail = null) =>
        new(service, $"Invalid request: {InputSanitizer.Sanitize(name)}{Detail(detail)}") { ErrorCode = InvalidRequestCode };

    /// <summary>The value did not parse. Deliberately no inner exception: a parser message can quote the value.</summary>
    public static ExternalServiceException NotJson(string service, string name, string why) =>
        new(service, $"Secret {InputSanitizer.Sanitize(name)} is not valid JSON ({why})") { ErrorCode = NotJsonCode };

    /// <summary>Validates a secret name: non-empty, at most 512 characters (the Secrets Manager limit), no control characters.</summary>
    public static string ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigValidationException("secret_name", "the secret name is empty");
        }

        if (name.Length > 2048 || name.Any(char.IsControl))
        {
            throw new ConfigValidationException("secret_name", $"'{InputSanitizer.Sanitize(name)}' is not a valid secret name or ARN");
        }

        return name;
    }

    /// <summary>
    /// Parses a secret string that must hold a JSON object (SPEC §5.1 <c>json.loads</c>). On failure reports only the
    /// position, never the text around it.
    /// </summary>
    public static SecretData ParseObject(string service, string name, string json, string? versionId = null)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw NotJson(service, name, $"expected a JSON object, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            }

            var values = new List<KeyValuePair<string, string?>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    // Which value would win differs between parsers: refuse it, naming the key and never a value.
                    throw NotJson(service, name, $"the key '{InputSanitizer.Sanitize(property.Name)}' appears more than once");
                }

                values.Add(new(property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                }));
            }

            return new SecretData(name, values, versionId);
        }
        catch (JsonException ex)
        {
            throw NotJson(service, name, $"parse error at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
        }
    }

    private static string Detail(string? detail) => string.IsNullOrWhiteSpace(detail) ? string.Empty : $" ({InputSanitizer.Sanitize(detail)})";
}
