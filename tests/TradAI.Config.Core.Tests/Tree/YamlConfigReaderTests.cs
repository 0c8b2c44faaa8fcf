using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Tree;

public class YamlConfigReaderTests
{
    private static object? Value(string yamlScalar) => YamlConfigReader.ParseMapping("v: " + yamlScalar)["v"];

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    public void Yaml11_booleans_are_booleans(string text, bool expected) => Assert.Equal(expected, Value(text));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-17", -17L)]
    [InlineData("+5", 5L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("1:30", 90L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_in_every_yaml11_form_are_integers(string text, long expected) => Assert.Equal(expected, Value(text));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E3", 1000.0)]
    [InlineData("1.0e-3", 0.001)]
    [InlineData("-2.5", -2.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("1_000.25", 1000.25)]
    [InlineData(".inf", double.PositiveInfinity)]
    [InlineData("-.inf", double.NegativeInfinity)]
    [InlineData("+.Inf", double.PositiveInfinity)]
    public void Floats_follow_omegaconf_regex(string text, double expected) => Assert.Equal(expected, Value(text));

    [Fact]
    public void Nan_is_a_float() => Assert.True(double.IsNaN((double)Value(".nan")!));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Null_forms_are_null(string text) => Assert.Null(Value(text));

    [Theory]
    [InlineData("'true'", "true")]
    [InlineData("\"42\"", "42")]
    [InlineData("'1e3'", "1e3")]
    [InlineData("\"null\"", "null")]
    [InlineData("'~'", "~")]
    [InlineData("-.5", "-.5")]
    [InlineData(".5e3", ".5e3")]
    [InlineData("2024-01-15", "2024-01-15")]
    [InlineData("1h", "1h")]
    [InlineData("y", "y")]
    [InlineData("0x", "0x")]
    [InlineData("08", "08")]
    [InlineData("12:75", "12:75")]
    [InlineData("BTC/USDT", "BTC/USDT")]
    public void Quoted_scalars_and_non_matching_plain_scalars_stay_strings(string text, string expected) => Assert.Equal(expected, Value(text));

    [Fact]
    public void Integer_overflow_stays_a_string_rather_than_losing_precision() =>
        Assert.Equal("99999999999999999999", Value("99999999999999999999"));

    [Fact]
    public void Block_scalars_are_strings()
    {
        var doc = YamlConfigReader.ParseMapping("a: |\n  true\n  42\nb: >-\n  yes\n");
        Assert.Equal("true\n42\n", doc["a"]);
        Assert.Equal("yes", doc["b"]);
    }

    [Fact]
    public void Missing_marker_is_recognised_plain_and_quoted()
    {
        var doc = YamlConfigReader.ParseMapping("a: ???\nb: '???'");
        Assert.Same(MissingValue.Instance, doc["a"]);
        Assert.Same(MissingValue.Instance, doc["b"]);
    }

    [Fact]
    public void Non_string_keys_keep_their_type()
    {
        var doc = YamlConfigReader.ParseMapping("0: zero\n'0': text-zero\ntrue: yes-key\n1.5: f");
        Assert.Equal("zero", doc[0L]);
        Assert.Equal("text-zero", doc["0"]);
        Assert.Equal("yes-key", doc[true]);
        Assert.Equal("f", doc[1.5]);
        Assert.Equal(4, doc.Count);
    }

    [Fact]
    public void Explicit_tags_convert_or_fail_clearly()
    {
        var doc = YamlConfigReader.ParseMapping("a: !!str 42\nb: !!int '7'\nc: !!float 3\nd: !!bool 'yes'");
        Assert.Equal("42", doc["a"]);
        Assert.Equal(7L, doc["b"]);
        Assert.Equal(3.0, doc["c"]);
        Assert.Equal(true, doc["d"]);
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: !!int abc"));
        Assert.Contains("not a valid !!int", ex.Message);
        Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: !!python/object:os.system ls"));
    }

    [Fact]
    public void Order_of_keys_is_preserved()
    {
        var doc = YamlConfigReader.ParseMapping("z: 1\na: 2\nm: 3");
        Assert.Equal(["z", "a", "m"], doc.Keys.Cast<string>());
    }

    [Fact]
    public void Duplicate_keys_are_an_error_naming_the_key_and_line()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: 1\nb: 2\na: 3", "dup.yaml"));
        Assert.Contains("duplicate key 'a'", ex.Message);
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("dup.yaml", ex.Message);
    }

    [Fact]
    public void Duplicate_keys_are_detected_in_large_mappings_too()
    {
        var yaml = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"k{i}: {i}")) + "\nk17: again";
        Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_work()
    {
        var doc = YamlConfigReader.ParseMapping("""
            base: &b
              x: 1
              y: 2
            other: &o
              y: 20
              z: 30
            derived:
              <<: [*b, *o]
              x: 10
            copy: *b
            """);
        var derived = (ConfigMapping)doc["derived"]!;
        Assert.Equal(10L, derived["x"]);   // explicit key wins
        Assert.Equal(2L, derived["y"]);    // earlier merge source wins
        Assert.Equal(30L, derived["z"]);
        Assert.Equal(doc["base"], doc["copy"]);
    }

    [Fact]
    public void Billion_laughs_fails_fast_with_a_clear_error()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var started = DateTime.UtcNow;
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(string.Join('\n', lines)));
        Assert.Contains("billion laughs", ex.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Undefined_alias_is_an_error() =>
        Assert.Contains("undefined", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: *nope")).Message);

    [Fact]
    public void Documents_over_the_size_limit_are_refused()
    {
        var options = new YamlReadOptions { MaxDocumentBytes = 100 };
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: " + new string('x', 200), "big.yaml", options));
        Assert.Contains("100-byte limit", ex.Message);
    }

    [Fact]
    public void Nesting_depth_is_bounded()
    {
        var yaml = "a: " + new string('[', 500) + new string(']', 500);
        Assert.Contains("deeper", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml)).Message);
    }

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: b: c")]
    [InlineData("a: 'unterminated")]
    [InlineData("- 1\n- 2")]
    [InlineData("just a string")]
    [InlineData("a: 1\n---\nb: 2")]
    [InlineData("? [1, 2]\n: complex")]
    public void Malformed_or_non_mapping_documents_are_validation_errors(string yaml) =>
        Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));

    [Fact]
    public void Empty_document_is_an_empty_mapping()
    {
        Assert.Empty(YamlConfigReader.ParseMapping(""));
        Assert.Empty(YamlConfigReader.ParseMapping("# only a comment\n"));
    }

    [Fact]
    public void Error_messages_sanitize_user_input()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("\"a\\e[2J\\u202E\": 1\n\"a\\e[2J\\u202E\": 2"));
        Assert.DoesNotContain("\u001b", ex.Message);
        Assert.DoesNotContain("\u202E", ex.Message);
        Assert.Contains("a\\u001B[2J\\u202E", ex.Message);
    }
}
