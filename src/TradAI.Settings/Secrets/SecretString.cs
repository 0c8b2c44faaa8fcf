namespace TradAI.Settings.Secrets;

/// <summary>
/// A secret setting (a key, password or token). Its <see cref="ToString"/> is masked so the value never reaches
/// a log line, an exception message or a record's generated <c>ToString()</c>; call <see cref="Reveal"/> where the
/// value is really needed.
/// </summary>
public sealed class SecretString : IEquatable<SecretString>
{
    /// <summary>What is shown instead of a secret value.</summary>
    public const string Mask = "**********";

    private readonly string _value;

    public SecretString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Number of characters, for length rules that must not print the value.</summary>
    public int Length => _value.Length;

    /// <summary>The secret itself. Never log or format the result.</summary>
    public string Reveal() => _value;

    public override string ToString() => Mask;

    public bool Equals(SecretString? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SecretString other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
