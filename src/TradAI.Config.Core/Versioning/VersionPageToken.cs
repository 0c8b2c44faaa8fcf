using System.Globalization;
using System.Text;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Continuation tokens for newest-first version listings, shared by every version store. A token carries the query it
/// belongs to (strategy and status filter) and the last version number returned, so it cannot be replayed against
/// another listing; each store stamps its own prefix so tokens from one store are refused by another.
/// </summary>
public static class VersionPageToken
{
    /// <summary>The token that resumes after <paramref name="lastVersionNumber"/>.</summary>
    public static string Make(string storePrefix, string strategyName, ConfigVersionStatus? status, int lastVersionNumber) =>
        storePrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{lastVersionNumber}|{status?.ToWire()}|{strategyName}")));

    /// <summary>The last version number a token resumes after.</summary>
    /// <exception cref="ConfigValidationException">The token is malformed or belongs to another listing or store.</exception>
    public static int Parse(string storePrefix, string token, string strategyName, ConfigVersionStatus? status)
    {
        try
        {
            if (token.StartsWith(storePrefix, StringComparison.Ordinal))
            {
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token[storePrefix.Length..])).Split('|', 3);
                if (parts.Length == 3 && parts[1] == (status?.ToWire() ?? string.Empty) && parts[2] == strategyName
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= 1)
                {
                    return last;
                }
            }
        }
        catch (FormatException)
        {
        }

        throw new ConfigValidationException("continuation_token", "the continuation token is malformed or belongs to another listing; start again without it");
    }
}
