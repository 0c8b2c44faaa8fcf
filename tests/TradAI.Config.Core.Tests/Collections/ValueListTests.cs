using TradAI.Config.Core.Collections;

namespace TradAI.Config.Core.Tests.Collections;

public class ValueListTests
{
    private sealed record Item(string Name, ValueList<int> Numbers);

    [Fact]
    public void Lists_with_equal_items_in_order_are_equal_and_hash_alike()
    {
        ValueList<string> a = ["x", "y"];
        var b = new List<string> { "x", "y" }.ToValueList();
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void Order_length_and_items_all_count()
    {
        ValueList<string> a = ["x", "y"];
        Assert.NotEqual(a, ["y", "x"]);
        Assert.NotEqual(a, ["x"]);
        Assert.NotEqual(a, ["x", "y", "z"]);
        Assert.NotEqual(a, ["x", "Y"]);
        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.False(a.Equals(new[] { "x", "y" }), "an array is not a value list");
    }

    [Fact]
    public void Records_holding_value_lists_are_values_too()
    {
        var a = new Item("n", [1, 2]);
        var b = new Item("n", [.. new[] { 1, 2 }]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        ValueList<Item> outer = [a];
        Assert.Equal(outer, [b]);
        Assert.NotEqual(a, a with { Numbers = [2, 1] });
        Assert.Equal("Item { Name = n, Numbers = [1, 2] }", a.ToString());
    }

    [Fact]
    public void Empty_lists_are_one_value_and_copies_are_not_shared()
    {
        Assert.Same(ValueList<int>.Empty, new List<int>().ToValueList());
        Assert.Equal(ValueList<int>.Empty, []);
        Assert.Empty(ValueList<int>.Empty);

        var source = new List<int> { 1 };
        var copy = source.ToValueList();
        source[0] = 9;
        Assert.Equal(1, copy[0]);
        Assert.Same(copy, copy.ToValueList());
    }
}
