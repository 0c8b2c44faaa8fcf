using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Tree;

public class ConfigWritersTests
{
    [Fact]
    public void Yaml_round_trips_every_value_type_including_strings_that_look_like_other_types()
    {
        var doc = ConfigMapping.Of(
            ("s", "plain"), ("looks_bool", "yes"), ("looks_int", "42"), ("looks_null", "null"), ("empty", ""),
            ("colon", "a: b"), ("hash", "x #y"), ("lead", "-x"), ("multi", "l1\nl2\n"),
            ("i", 42L), ("f", 1.5), ("f_int", 3.0), ("big", 1e20), ("inf", double.PositiveInfinity), ("b", false), ("n", null),
            ("missing", MissingValue.Instance), (0L, "int key"), ("0", "string key"),
            ("list", ConfigSequence.Of(1L, "two", ConfigMapping.Of(("x", 1L)))), ("empty_list", ConfigSequence.Empty), ("empty_map", ConfigMapping.Empty));
        var yaml = ConfigYamlWriter.ToYaml(doc);
        var back = YamlConfigReader.ParseMapping(yaml);
        Assert.Equal(doc, back);
        Assert.Equal(3.0, back["f_int"]);
    }

    [Fact]
    public void Json_writes_the_document_with_non_finite_floats_as_strings()
    {
        var json = ConfigJsonWriter.ToJson(ConfigMapping.Of(("a", 1L), ("b", double.NaN), ("c", ConfigSequence.Of(true, null)), (5L, "k")), indented: false);
        Assert.Equal("""{"a":1,"b":"NaN","c":[true,null],"5":"k"}""", json);
    }

    [Fact]
    public void Json_spells_inf_and_nan_as_the_strings_Infinity_minus_Infinity_and_NaN_and_stays_valid_json()
    {
        // JSON has no literal for them; these are the names JavaScript and System.Text.Json's named-literal option use.
        var json = ConfigJsonWriter.ToJson(ConfigMapping.Of(("pos", double.PositiveInfinity), ("neg", double.NegativeInfinity), ("nan", double.NaN), ("zero", -0.0)), indented: false);
        Assert.Equal("""{"pos":"Infinity","neg":"-Infinity","nan":"NaN","zero":-0}""", json);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(System.Text.Json.JsonValueKind.String, parsed.RootElement.GetProperty("nan").ValueKind);
    }

    [Fact]
    public void Yaml_keeps_non_finite_floats_and_negative_zero_exact_and_quotes_their_look_alike_strings()
    {
        var doc = ConfigMapping.Of(("pos", double.PositiveInfinity), ("neg", double.NegativeInfinity), ("nan", double.NaN), ("zero", -0.0),
            ("s_inf", ".inf"), ("s_nan", ".nan"), ("s_py", "inf"), ("s_json", "Infinity"));
        var yaml = ConfigYamlWriter.ToYaml(doc);
        Assert.Contains("pos: .inf", yaml);
        Assert.Contains("neg: -.inf", yaml);
        Assert.Contains("nan: .nan", yaml);
        Assert.Contains("zero: -0.0", yaml);
        Assert.Contains("s_inf: \".inf\"", yaml);
        var back = YamlConfigReader.ParseMapping(yaml);
        Assert.Equal(doc, back);
        Assert.True(double.IsNegative((double)back["zero"]!));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(123456.789, "123456.789")]
    public void Floats_format_like_python_repr(double value, string expected) => Assert.Equal(expected, ConfigValues.FormatFloat(value));
}
