using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace TradAI.Config.Aws.Clients;

/// <summary>
/// Signs hand-written AWS requests (the Secrets Manager JSON-1.1 client) with Signature Version 4.
/// This class only builds the canonical request (method, path, query, headers, payload hash); hashing, key derivation
/// and the HMAC chain are AWSSDK.Core's <see cref="AWS4Signer"/>, and percent-encoding is <see cref="AWSSDKUtils.UrlEncode(string, bool)"/>.
/// Pinned against AWS's published SigV4 test suite in the tests.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The <c>X-Amz-Date</c> format.</summary>
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// Computes the headers that authenticate a request: <c>X-Amz-Date</c> (unless given), <c>X-Amz-Security-Token</c>
    /// for session credentials, and <c>Authorization</c>. Every header in <paramref name="headers"/> is signed, plus <c>host</c>.
    /// </summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="uri">Absolute request URI (its host, path and query are signed).</param>
    /// <param name="headers">Headers to sign (Content-Type, X-Amz-Target, …); a Host header here wins over the URI's.</param>
    /// <param name="payload">The exact body bytes that will be sent.</param>
    /// <param name="credentials">Resolved credentials (<see cref="AWSCredentials.GetCredentials"/>).</param>
    /// <param name="region">Signing region, e.g. <c>us-east-1</c>.</param>
    /// <param name="service">Signing service name, e.g. <c>secretsmanager</c>.</param>
    /// <param name="signedAt">Signing time (UTC).</param>
    /// <returns>Headers to add to the request, in order.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Sign(
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> payload,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTime signedAt)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(credentials);
        signedAt = signedAt.ToUniversalTime();

        var all = new List<KeyValuePair<string, string>>(headers);
        var added = new List<KeyValuePair<string, string>>();
        if (!all.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            all.Add(new("Host", uri.IsDefaultPort ? uri.Host : uri.Authority));
        }

        if (!all.Any(h => h.Key.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase)))
        {
            var amzDate = signedAt.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            all.Add(new("X-Amz-Date", amzDate));
            added.Add(new("X-Amz-Date", amzDate));
        }

        if (credentials.UseToken && !all.Any(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)))
        {
            all.Add(new("X-Amz-Security-Token", credentials.Token));
            added.Add(new("X-Amz-Security-Token", credentials.Token));
        }

        var (canonicalRequest, signedHeaders) = CanonicalRequest(method, uri, all, payload);
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonicalRequest);
        added.Add(new("Authorization", result.ForAuthorizationHeader));
        return added;
    }

    /// <summary>The SigV4 canonical request and its signed-headers list (exposed for the test-suite checks).</summary>
    public static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var canonicalHeaders = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => CollapseWhitespace(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(';', canonicalHeaders.Select(h => h.Name));

        var sb = new StringBuilder(256);
        sb.Append(method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalPath(uri)).Append('\n');
        sb.Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        sb.Append('\n').Append(signedHeaders).Append('\n');
        sb.Append(AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(payload.ToArray()), true));
        return (sb.ToString(), signedHeaders);
    }

    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(segment => AWSSDKUtils.UrlEncode(Uri.UnescapeDataString(segment), false)));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
                return (Name: AWSSDKUtils.UrlEncode(name, false), Value: AWSSDKUtils.UrlEncode(value, false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string CollapseWhitespace(string value)
    {
        var sb = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
