using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Tree;

public class YamlConfigReaderTests
{
    private static object? Value(string yamlScalar) => YamlConfigReader.ParseMapping("v: " + yamlScalar)["v"];

    // Rule 1 of issue 10: every row below is also loaded by the real OmegaConf 2.2.2, which must give exactly the pinned
    // value (OmegaConfScalarTypingTests), so the tables cannot drift into mirroring this project's code.
    public static TheoryData<string, bool> Booleans => new()
    {
        { "true", true },
        { "True", true },
        { "TRUE", true },
        { "yes", true },
        { "Yes", true },
        { "on", true },
        { "ON", true },
        { "false", false },
        { "no", false },
        { "No", false },
        { "off", false },
        { "OFF", false },
    };

    public static TheoryData<string, long> Integers => new()
    {
        { "0", 0L },
        { "-0", 0L },
        { "42", 42L },
        { "-17", -17L },
        { "+5", 5L },
        { "1_000", 1000L },
        { "1__0", 10L },
        { "1_", 1L },
        { "0x1F", 31L },
        { "+0x1F", 31L },
        { "-0x1F", -31L },
        { "017", 15L },
        { "00", 0L },
        { "0_", 0L },
        { "0_1", 1L },
        { "0b101", 5L },
        { "-0b11", -3L },
        { "0b1_0", 2L },
        { "1:30", 90L },
        { "12:30", 750L },
        { "1:20:30", 4830L },
        { "-1:30", -90L },
        { "1:5", 65L },
        { "9223372036854775807", long.MaxValue },
        { "-9223372036854775808", long.MinValue },
        { "1_0:30", 630L },
        { "+1:30", 90L },
        { "1__:30", 90L },
        { "0x_1F", 31L },
    };

    public static TheoryData<string, double> Floats => new()
    {
        { "1.5", 1.5 },
        { "1e3", 1000.0 },
        { "1E3", 1000.0 },
        { "1E+5", 100000.0 },
        { "1.5e3", 1500.0 },
        { "1.e+3", 1000.0 },
        { "0e0", 0.0 },
        { "1.0e-3", 0.001 },
        { "-2.5", -2.5 },
        { ".5", 0.5 },
        { "._5", 0.5 },
        { ".5e+3", 500.0 },
        { "00.5", 0.5 },
        { "1.", 1.0 },
        { "3.", 3.0 },
        { "1_000.25", 1000.25 },
        { "190:20:30.15", 685230.15 },
        { "-190:20:30.15", -685230.15 },
        { "1:2.5", 62.5 },
        { "1e400", double.PositiveInfinity },
        { ".inf", double.PositiveInfinity },
        { "-.inf", double.NegativeInfinity },
        { "+.Inf", double.PositiveInfinity },
        { "1:30.5", 90.5 },
        { "1:30.", 90.0 },
        { "1e300", 1e300 },
        { "5e-324", 5e-324 },
        { "2.5e-324", 5e-324 },
        { "1e-400", 0.0 },
        { "1.7976931348623157e308", double.MaxValue },
    };

    public static TheoryData<string> Nulls => ["~", "null", "Null", "NULL", ""];

    public static TheoryData<string, string> Strings => new()
    {
        { "'true'", "true" },
        { "\"42\"", "42" },
        { "'1e3'", "1e3" },
        { "\"null\"", "null" },
        { "'~'", "~" },
        { "0o17", "0o17" },
        { "-0o17", "-0o17" },
        { "0o7", "0o7" },
        { "-.5", "-.5" },
        { "-.0", "-.0" },
        { "+.5", "+.5" },
        { ".5e3", ".5e3" },
        { "1e", "1e" },
        { "NaN", "NaN" },
        { "2024-01-05", "2024-01-05" },
        { "2024-01-15", "2024-01-15" },
        { "2024-01-05T10:00:00", "2024-01-05T10:00:00" },
        { "1h", "1h" },
        { "y", "y" },
        { "n", "n" },
        { "oFF", "oFF" },
        { "0x", "0x" },
        { "0x-1", "0x-1" },
        { "0b2", "0b2" },
        { "08", "08" },
        { "09", "09" },
        { "_1", "_1" },
        { "12:75", "12:75" },
        { "1:60", "1:60" },
        { "0:30", "0:30" },
        { "1.2.3", "1.2.3" },
        { "BTC/USDT", "BTC/USDT" },
        { "0X1F", "0X1F" },
        { "0B101", "0B101" },
        { "0O17", "0O17" },
        { "1:3_0", "1:3_0" },
        { "1:30:5_0", "1:30:5_0" },
        { "1:30.5e3", "1:30.5e3" },
        { "1.5e-3_0", "1.5e-3_0" },
        { "0:0", "0:0" },
    };

    public static TheoryData<string> Unloadable => ["0b_", "0x_", "-0b_", "._", "=", "<<"];

    [Theory]
    [MemberData(nameof(Booleans))]
    public void Yaml11_booleans_are_booleans(string text, bool expected) => Assert.Equal(expected, Value(text));

    [Theory]
    [MemberData(nameof(Integers))]
    public void Integers_in_every_yaml11_form_are_integers(string text, long expected) => Assert.Equal(expected, Value(text));

    [Theory]
    [MemberData(nameof(Floats))]
    public void Floats_follow_pyyaml_and_omegaconf_rules(string text, double expected) => Assert.Equal(expected, Value(text));

    [Fact]
    public void Negative_zero_keeps_its_sign() => Assert.True(double.IsNegative((double)Value("-0.0")!));

    [Fact]
    public void Nan_is_a_float() => Assert.True(double.IsNaN((double)Value(".nan")!));

    [Theory]
    [MemberData(nameof(Nulls))]
    public void Null_forms_are_null(string text) => Assert.Null(Value(text));

    [Theory]
    [MemberData(nameof(Strings))]
    public void Quoted_scalars_and_non_matching_plain_scalars_stay_strings(string text, string expected) => Assert.Equal(expected, Value(text));

    [Theory]
    [MemberData(nameof(Unloadable))]
    public void Plain_scalars_omegaconf_cannot_load_are_errors_with_the_position(string text)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => Value(text));
        Assert.Contains("quote it", ex.Message);
        Assert.Contains("line 1", ex.Message);
    }

    // Checked against OmegaConf 2.2.2: PyYAML's reader refuses these characters anywhere; escaped in double quotes they load.
    [Theory]
    [InlineData("a: ctrl\u0001", "U+0001", 1, 8)]
    [InlineData("a: 1\nb: esc\u001b[31m", "U+001B", 2, 7)]
    [InlineData("a: del\u007f", "U+007F", 1, 7)]
    [InlineData("a: c1\u0090", "U+0090", 1, 6)]
    [InlineData("a: '\u0007'", "U+0007", 1, 5)]
    [InlineData("# \u0000\na: 1", "U+0000", 1, 3)]
    [InlineData("a: x\uFFFF", "U+FFFF", 1, 5)]
    public void Characters_pyyaml_cannot_read_are_refused_by_both_readers_naming_code_point_and_position(string yaml, string name, int line, int column)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));
        Assert.Contains($"the character {name} cannot appear in YAML (line {line}, column {column})", ex.Message);
        Assert.Equal(-1, UnsafeCharacters.IndexOfUnsafe(ex.Message));
        Assert.False(FastYamlReader.TryParse(yaml, YamlReadOptions.Default, out _));
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused_and_a_pair_is_read()
    {
        var lone = "a: lone" + '\uD800' + "\nb: 1";
        Assert.Contains("the character U+D800 cannot appear in YAML (line 1, column 8)", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(lone)).Message);
        Assert.Contains("U+DC00", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: " + '\uDC00')).Message);
        Assert.Equal("\U0001F600", YamlConfigReader.ParseMapping("a: \U0001F600")["a"]);
    }

    [Fact]
    public void Escaped_controls_and_printable_unicode_load()
    {
        var doc = YamlConfigReader.ParseMapping("a: \"ctrl\\x01 esc\\e del\\x7f\"\nb: nbsp\u00a0 emoji \U0001F600 bom\uFEFF\nc: nel\u0085");
        Assert.Equal("ctrl\u0001 esc\u001b del\u007f", doc["a"]);
        Assert.Equal("nbsp\u00a0 emoji \U0001F600 bom\uFEFF", doc["b"]);
        Assert.Equal("nel", doc["c"]); // NEL is a YAML 1.1 line break, so a plain scalar ends there
    }

    // Checked against OmegaConf 2.2.2: PyYAML allows a tab only inside quoted and block scalars and comments.
    [Theory]
    [InlineData("a:\t1", 1, 3)]
    [InlineData("a: 1\t", 1, 5)]
    [InlineData("a: x\ty", 1, 5)]
    [InlineData("a: 1\t# c", 1, 5)]
    [InlineData("a: [1,\t2]", 1, 7)]
    [InlineData("a: {b:\t1}", 1, 7)]
    [InlineData("a:\n  b: 1\t", 2, 7)]
    [InlineData("a: 'x'\t", 1, 7)]
    [InlineData("a: |\t\n  x\n", 1, 5)]
    public void A_tab_between_tokens_is_refused_naming_its_position(string yaml, int line, int column)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));
        Assert.Contains($"a tab separates YAML tokens (line {line}, column {column})", ex.Message);
    }

    // A tab as indentation: refused by YamlDotNet (with its own message) or else by the tab rule.
    [Theory]
    [InlineData("\ta: 1")]
    [InlineData("a: 1\n\t\nb: 2")]
    [InlineData("a: |\n  x\n\t\n")]
    [InlineData("a:\n  b: |\n    x\n  \ty\n")]
    public void A_tab_as_indentation_is_refused(string yaml) =>
        Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));

    [Theory]
    [InlineData("a: 'x\ty'", "x\ty")]
    [InlineData("a: \"x\ty\"", "x\ty")]
    [InlineData("a: 'x\n\ty'", "x y")]
    [InlineData("a: |\n  x\n  \ty\n", "x\n\ty\n")]
    [InlineData("a: >\n  x\ty\n", "x\ty\n")]
    [InlineData("a: |  # c\tx\n  x\n", "x\n")]
    [InlineData("# c\tx\na: v", "v")]
    [InlineData("a: v # c\tx", "v")]
    [InlineData("a: v #\t", "v")]
    [InlineData("a: 'x' #\t", "x")]
    public void A_tab_inside_a_quoted_or_block_scalar_or_a_comment_is_kept(string yaml, string expected) =>
        Assert.Equal(expected, YamlConfigReader.ParseMapping(yaml)["a"]);

    [Fact]
    public void A_tab_inside_a_quoted_key_is_kept() => Assert.Equal(1L, YamlConfigReader.ParseMapping("'k\tz': 1")["k\tz"]);

    // Checked against OmegaConf 2.2.2: PyYAML resolves a scalar tagged '!' as if it were plain, even when quoted.
    [Fact]
    public void The_non_specific_tag_resolves_the_value_as_plain()
    {
        var doc = YamlConfigReader.ParseMapping("a: ! 017\nb: ! '017'\nc: ! \"yes\"\nd: !\ne: ! [1]\nf: [! x, ! '1']");
        Assert.Equal(15L, doc["a"]);
        Assert.Equal(15L, doc["b"]);
        Assert.Equal(true, doc["c"]);
        Assert.Null(doc["d"]);
        Assert.Equal(ConfigSequence.Of(1L), doc["e"]);
        Assert.Equal(ConfigSequence.Of("x", 1L), doc["f"]);
        Assert.Contains("non-specific tag", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: ! |\n  017\n")).Message);
    }

    [Fact]
    public void Integer_overflow_is_an_error_rather_than_a_silent_string()
    {
        // Python's integers are unbounded; a config tree's are 64-bit, so the honest answer is an error that says so.
        var ex = Assert.Throws<ConfigValidationException>(() => Value("99999999999999999999"));
        Assert.Contains("does not fit in 64 bits", ex.Message);
        Assert.Equal("99999999999999999999", Value("'99999999999999999999'"));
    }

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
    public void Keys_are_typed_like_values()
    {
        var doc = YamlConfigReader.ParseMapping("0o17: a\n017: b\n1:30: c\n2024-01-05: d\n.inf: e\nyes: f");
        Assert.Equal(["0o17", 15L, 90L, "2024-01-05", double.PositiveInfinity, true], doc.Keys);
    }

    [Fact]
    public void Equal_number_and_bool_keys_are_one_key_as_in_python()
    {
        // PyYAML refuses repeated string keys only; 1, 0x1, 1.0 and true are one dict key: first place, last value.
        var doc = YamlConfigReader.ParseMapping("1: a\nb: x\n0x1: b\n1.0: c\ntrue: d");
        Assert.Equal(2, doc.Count);
        Assert.Equal([1L, "b"], doc.Keys);
        Assert.Equal("d", doc[1L]);
        Assert.Equal("d", doc[true]);
        Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("'1': a\n\"1\": b"));
        Assert.Equal(2, YamlConfigReader.ParseMapping("1: a\n'1': b").Count);
    }

    [Fact]
    public void A_null_key_is_an_error_unless_a_later_equal_key_replaces_its_mapping()
    {
        Assert.Contains("may not be null", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping("a: {~: 1}")).Message);
        var doc = YamlConfigReader.ParseMapping("yes: {null: 1}\n1: kept");
        Assert.Equal("kept", doc[true]);
    }

    [Theory]
    [InlineData("a: {b: ???}")]
    [InlineData("a: [x?y]")]
    [InlineData("a: [1, ??]")]
    public void A_question_mark_in_a_flow_collection_is_a_key_indicator_as_in_pyyaml(string yaml) =>
        Assert.Contains("key indicator", Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml)).Message);

    [Fact]
    public void A_flow_entry_starting_with_a_question_mark_is_a_single_pair_mapping()
    {
        var doc = YamlConfigReader.ParseMapping("a: [?x, '?y']\nb: {?k: 1}");
        Assert.Equal(ConfigSequence.Of(ConfigMapping.Of(("x", null)), "?y"), doc["a"]);
        Assert.Equal(ConfigMapping.Of(("k", 1L)), doc["b"]);
    }

    [Fact]
    public void An_equals_sign_key_is_a_string() => Assert.Equal(1L, YamlConfigReader.ParseMapping("=: 1")["="]);

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
        Assert.Equal(["y", "z", "x"], derived.Keys); // PyYAML lays the list out last source first
        Assert.Equal(doc["base"], doc["copy"]);
    }

    [Fact]
    public void Repeated_merge_keys_apply_in_order_so_the_later_wins()
    {
        var doc = YamlConfigReader.ParseMapping("a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n");
        Assert.Equal(2L, ((ConfigMapping)doc["c"]!)["x"]);
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

    // Found by the property generators: the grammar's lexer named the offending character raw, without the value.
    [Theory]
    [InlineData("a: \"${oc.env:\\e}\"", "\\u001B")]
    [InlineData("a: \"${a:\\u202E}\"", "\\u202E")]
    [InlineData("a: '${\"x}'", "\"")]
    public void Interpolation_syntax_errors_name_the_value_and_the_character_sanitized(string yaml, string shown)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => YamlConfigReader.ParseMapping(yaml));
        Assert.Contains("is not a valid interpolation", ex.Message);
        Assert.Contains($"token recognition error at: '{shown}'", ex.Message);
        Assert.Equal(-1, UnsafeCharacters.IndexOfUnsafe(ex.Message));
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
