namespace TradAI.Config.Core.Tree;

/// <summary>
/// OmegaConf's mandatory-missing marker <c>???</c>: a value that must be supplied by a later source.
/// It never overwrites a value in a merge and is reported at validation if still present.
/// </summary>
public sealed class MissingValue
{
    /// <summary>The literal that marks a missing value in YAML.</summary>
    public const string Literal = "???";

    /// <summary>The single instance.</summary>
    public static MissingValue Instance { get; } = new();

    private MissingValue()
    {
    }

    public override string ToString() => Literal;
}
