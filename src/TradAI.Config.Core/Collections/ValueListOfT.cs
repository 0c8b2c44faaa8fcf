using System.Collections;
using System.Runtime.CompilerServices;

namespace TradAI.Config.Core.Collections;

/// <summary>
/// An immutable list with value equality: equal when the items are equal in order. Records that hold lists use it so
/// they stay values — two binds of one strategy config, two resolutions of one environment's infrastructure, are equal
/// (a <see cref="List{T}"/> or array compares by reference and would make every such record unequal to its copy).
/// Build one with a collection expression (<c>["BTC/USDT"]</c>) or <see cref="ValueList.ToValueList{T}"/>.
/// </summary>
/// <typeparam name="T">The item type; its own equality is used (records and strings compare by value).</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items)
    {
        _items = items;
    }

    /// <summary>The list with no items.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>Whether both lists hold equal items in the same order.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether the lists differ in length or in an item.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items as <c>[a, b]</c>, so a record's printout shows them.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
