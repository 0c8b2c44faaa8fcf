using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Merging;

public class OverrideApplierTests
{
    private static readonly ConfigMapping Base = YamlConfigReader.ParseMapping("a: {b: 1, m: {x: 1}}\nl: [1, 2]\ns: text\n0: int-key");

    private static ConfigMapping Apply(params string[] overrides) => OverrideApplier.Apply(Base, overrides);

    private static object? At(ConfigMapping m, string path) =>
        path.Split('.').Aggregate((object?)m, (cur, k) => cur switch
        {
            ConfigMapping map => map.TryGetValue(k, out var v) ? v : null,
            ConfigSequence s => s[int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)],
            _ => null,
        });

    [Theory]
    [InlineData("a.b=2", 2L)]
    [InlineData("a.b=2.5", 2.5)]
    [InlineData("a.b=yes", true)]
    [InlineData("a.b='2'", "2")]
    [InlineData("a.b=hello world", "hello world")]
    [InlineData("a.b=", "")]
    [InlineData("a.b=null", null)]
    [InlineData("a.b=x=y", "x=y")]
    public void Change_parses_the_value_as_yaml(string o, object? expected) => Assert.Equal(expected, At(Apply(o), "a.b"));

    [Fact]
    public void Change_of_a_missing_key_fails_and_suggests_plus()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => Apply("a.c=1"));
        Assert.Contains("+a.c=", ex.Message);
        Assert.Equal("a.c", ex.Problems[0].Path);
    }

    [Fact]
    public void Add_creates_new_keys_and_intermediate_mappings()
    {
        var r = Apply("+a.c=1", "+n.e.w=[1, 2]");
        Assert.Equal(1L, At(r, "a.c"));
        Assert.Equal(ConfigSequence.Of(1L, 2L), At(r, "n.e.w"));
    }

    [Fact]
    public void Add_of_an_existing_key_fails() =>
        Assert.Contains("already", Assert.Throws<ConfigValidationException>(() => Apply("+a.b=1")).Message);

    [Fact]
    public void Force_add_sets_or_adds()
    {
        Assert.Equal(5L, At(Apply("++a.b=5"), "a.b"));
        Assert.Equal(5L, At(Apply("++a.z=5"), "a.z"));
    }

    [Fact]
    public void Delete_removes_the_key()
    {
        Assert.False(((ConfigMapping)Apply("~a.b")["a"]!).ContainsKey("b"));
        Assert.False(((ConfigMapping)Apply("~a.b=1")["a"]!).ContainsKey("b"));
    }

    [Fact]
    public void Delete_with_a_different_value_or_missing_key_fails()
    {
        Assert.Contains("not", Assert.Throws<ConfigValidationException>(() => Apply("~a.b=2")).Message);
        Assert.Contains("does not exist", Assert.Throws<ConfigValidationException>(() => Apply("~a.nope")).Message);
    }

    [Fact]
    public void Mapping_values_merge_into_mappings_like_hydra() =>
        Assert.Equal(YamlConfigReader.ParseMapping("x: 1\ny: 2"), At(Apply("a.m={y: 2}"), "a.m"));

    [Fact]
    public void List_values_replace_lists_and_items_are_addressable_by_index()
    {
        Assert.Equal(ConfigSequence.Of(9L), At(Apply("l=[9]"), "l"));
        Assert.Equal(7L, At(Apply("l.1=7"), "l.1"));
    }

    [Fact]
    public void Integer_keys_are_addressable() => Assert.Equal("changed", Apply("0=changed")[0L]);

    [Fact]
    public void Descending_into_a_scalar_fails_clearly() =>
        Assert.Contains("is a string", Assert.Throws<ConfigValidationException>(() => Apply("s.x=1")).Message);

    [Theory]
    [InlineData("noequals")]
    [InlineData("=1")]
    [InlineData("a..b=1")]
    [InlineData("a b=1")]
    [InlineData("a.b=[1,")]
    public void Malformed_overrides_are_validation_errors(string o) =>
        Assert.Throws<ConfigValidationException>(() => Apply(o));

    [Fact]
    public void Every_failing_override_is_reported_at_once()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => Apply("x=1", "y=2", "a.b=3"));
        Assert.Equal(2, ex.Problems.Count);
    }

    [Fact]
    public void Overrides_apply_in_order() => Assert.Equal(3L, At(Apply("a.b=2", "a.b=3"), "a.b"));
}
