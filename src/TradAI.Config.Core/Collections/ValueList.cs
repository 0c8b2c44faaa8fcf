namespace TradAI.Config.Core.Collections;

/// <summary>Builds <see cref="ValueList{T}"/>s (the target of collection expressions).</summary>
public static class ValueList
{
    /// <summary>A list of copies of <paramref name="items"/> (what <c>[a, b]</c> compiles to).</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new(items.ToArray());

    /// <summary>The items, in order, as a list with value equality.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items as ValueList<T> ?? (items.ToArray() is { Length: > 0 } array ? new(array) : ValueList<T>.Empty);
    }
}
