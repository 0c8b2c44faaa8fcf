using System.Collections;

namespace TradAI.Settings.Fields;

/// <summary>
/// An immutable list of strings with value equality and a readable <see cref="ToString"/>, so settings records
/// that hold lists (CORS origins) compare and print as values.
/// </summary>
public sealed class StringList : IReadOnlyList<string>, IEquatable<StringList>
{
    private readonly string[] _items;

    public static StringList Empty { get; } = new([]);

    private StringList(string[] items)
    {
        _items = items;
    }

    public static StringList Of(params string[] items) => items.Length == 0 ? Empty : new((string[])items.Clone());

    public static StringList From(IEnumerable<string> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new(array);
    }

    public string this[int index] => _items[index];

    public int Count => _items.Length;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(StringList? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is StringList other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>JSON-like rendering: <c>["a", "b"]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _items.Select(i => "\"" + i + "\"")) + "]";
}
