namespace TradAI.Config.Core.Tree;

/// <summary>
/// Compares mapping keys as Python's dict (so OmegaConf) does: strings by ordinal text, and numbers by value across
/// types, so <c>1</c>, <c>1.0</c> and <c>True</c> are one key (and <c>0</c>, <c>0.0</c>, <c>False</c> another), while
/// <c>1</c> and <c>"1"</c> stay two.
/// </summary>
internal sealed class ConfigKeyComparer : IEqualityComparer<object>
{
    public static readonly ConfigKeyComparer Instance = new();

    private ConfigKeyComparer()
    {
    }

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is string sx)
        {
            return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
        }

        if (x is null || y is null || y is string)
        {
            return false;
        }

        return (x, y) switch
        {
            (long a, long b) => a == b,
            (double a, double b) => a.Equals(b),
            (bool a, bool b) => a == b,
            _ => AsInteger(x) is { } ix ? AsInteger(y) == ix : x is double dx && y is double dy && dx.Equals(dy),
        };
    }

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.Ordinal.GetHashCode(s),
        _ => AsInteger(obj) is { } i ? i.GetHashCode() : obj.GetHashCode(),
    };

    // The integer a numeric key equals, if any (a double only when it is integral and in range).
    private static long? AsInteger(object key) => key switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        double d when d == Math.Floor(d) && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 => (long)d,
        _ => null,
    };
}
