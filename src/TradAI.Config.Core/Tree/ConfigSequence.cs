using System.Collections;

namespace TradAI.Config.Core.Tree;

/// <summary>An immutable list node of a config document.</summary>
public sealed class ConfigSequence : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    /// <summary>The empty list.</summary>
    public static ConfigSequence Empty { get; } = new([]);

    internal ConfigSequence(object?[] items)
    {
        _items = items;
        var shape = TreeShape.Container;
        foreach (var item in items)
        {
            shape = shape.Add(item);
        }

        (Depth, NodeCount) = shape.Checked();
    }

    /// <summary>Builds a list from values (which must themselves be config values).</summary>
    public static ConfigSequence Of(params object?[] items) => items.Length == 0 ? Empty : new((object?[])items.Clone());

    /// <summary>Builds a list from values (which must themselves be config values).</summary>
    public static ConfigSequence From(IEnumerable<object?> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new(array);
    }

    public object? this[int index] => _items[index];

    public int Count => _items.Length;

    /// <summary>Levels of nesting: 1 for a list of scalars. Bounded by <see cref="TreeShape.MaxSupportedDepth"/>.</summary>
    public int Depth { get; }

    /// <summary>Nodes in the tree, a subtree shared by references counted at every place it appears.</summary>
    public long NodeCount { get; }

    /// <summary>The items as a span, for allocation-free iteration.</summary>
    public ReadOnlySpan<object?> Items => _items;

    /// <summary>Returns a copy with the item at <paramref name="index"/> replaced.</summary>
    public ConfigSequence SetItem(int index, object? value)
    {
        var copy = (object?[])_items.Clone();
        copy[index] = value;
        return new ConfigSequence(copy);
    }

    /// <summary>Returns a copy without the item at <paramref name="index"/>.</summary>
    public ConfigSequence RemoveAt(int index)
    {
        var list = _items.ToList();
        list.RemoveAt(index);
        return new ConfigSequence([.. list]);
    }

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(object? obj) => obj is ConfigSequence other && ConfigValues.DeepEquals(this, other);

    public override int GetHashCode() => Count;

    public override string ToString() => ConfigJsonWriter.ToJson(this, indented: false);
}
