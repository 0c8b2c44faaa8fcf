using System.Security.Cryptography;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Hashing;

/// <summary>
/// The content address of a config: SHA-256 over its RFC 8785 canonical JSON, as 64 lowercase hex characters.
/// Equal content gives an equal hash regardless of key order or number spelling, which is what dedup relies on.
/// </summary>
public static class ConfigHasher
{
    /// <summary>Length of a hash in hex characters.</summary>
    public const int HashLength = 64;

    /// <summary>Hashes a config value.</summary>
    /// <exception cref="Errors.ConfigValidationException">The value has no canonical JSON form (NaN, Infinity, unsafe integer, lone surrogate).</exception>
    public static string Hash(object? value) => HashCanonical(JsonCanonicalizer.CanonicalizeToUtf8(value));

    /// <summary>Hashes bytes that are already canonical JSON.</summary>
    public static string HashCanonical(ReadOnlySpan<byte> canonicalUtf8)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalUtf8, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether <paramref name="hash"/> looks like a hash this class produces (64 lowercase hex characters).</summary>
    public static bool IsValidHash(string? hash) =>
        hash is { Length: HashLength } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Hash and canonical text in one pass, for stores that keep the canonical form.</summary>
    public static (string Hash, string CanonicalJson) HashWithCanonical(ConfigMapping config)
    {
        var json = JsonCanonicalizer.Canonicalize(config);
        return (HashCanonical(JsonCanonicalizer.ToUtf8(json)), json);
    }
}
