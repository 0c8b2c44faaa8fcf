using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Merging;

public class InterpolationResolverTests
{
    private static readonly Dictionary<string, string> Env = new() { ["HOST_ENV"] = "db.internal", ["EMPTY"] = "" };

    private static ConfigMapping R(string yaml) => InterpolationResolver.Resolve(YamlConfigReader.ParseMapping(yaml), k => Env.GetValueOrDefault(k));

    [Fact]
    public void Absolute_reference_keeps_the_referents_type()
    {
        var r = R("a: {b: 5}\nc: ${a.b}\nd: ${a}");
        Assert.Equal(5L, r["c"]);
        Assert.Equal(YamlConfigReader.ParseMapping("b: 5"), r["d"]);
    }

    [Fact]
    public void List_index_reference() => Assert.Equal("y", R("l: [x, y]\nv: ${l[1]}\n")["v"]);

    [Fact]
    public void Dotted_list_index_reference() => Assert.Equal("y", R("l: [x, y]\nv: ${l.1}\n")["v"]);

    [Fact]
    public void Relative_references_resolve_against_the_enclosing_node()
    {
        var r = R("x: top\na: {x: mid, b: {x: low, s: '${.x}', p: '${..x}', g: '${...x}'}}");
        var b = (ConfigMapping)((ConfigMapping)r["a"]!)["b"]!;
        Assert.Equal("low", b["s"]);
        Assert.Equal("mid", b["p"]);
        Assert.Equal("top", b["g"]);
    }

    [Fact]
    public void String_interpolation_concatenates_python_style()
    {
        var r = R("host: h\nport: 80\nratio: 1.0\nflag: true\nurl: '${host}:${port}/${ratio}/${flag}'");
        Assert.Equal("h:80/1.0/True", r["url"]);
    }

    [Fact]
    public void Chained_references_resolve() => Assert.Equal(1L, R("a: 1\nb: ${a}\nc: ${b}")["c"]);

    [Fact]
    public void Reference_through_an_interpolated_node() => Assert.Equal(2L, R("src: {x: 2}\nalias: ${src}\nv: ${alias.x}")["v"]);

    [Fact]
    public void Nested_interpolation_in_a_key() => Assert.Equal("B", R("which: b\nm: {a: A, b: B}\nv: ${m.${which}}")["v"]);

    [Fact]
    public void Escaped_interpolation_is_literal() => Assert.Equal("${not.a.ref}", R("v: '\\${not.a.ref}'")["v"]);

    [Fact]
    public void Env_resolver_reads_the_variable_or_the_default()
    {
        var r = R("a: ${oc.env:HOST_ENV}\nb: ${oc.env:UNSET_VAR,fallback}\nc: ${oc.env:UNSET_VAR,8080}\nd: ${oc.env:UNSET_VAR,null}\ne: '${oc.env:EMPTY,x}'");
        Assert.Equal("db.internal", r["a"]);
        Assert.Equal("fallback", r["b"]);
        Assert.Equal("8080", r["c"]);
        Assert.Null(r["d"]);
        Assert.Equal("", r["e"]);
    }

    [Theory]
    [InlineData("true", "True")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1_000", "1000")]
    [InlineData("0x1F", "0x1F")]
    [InlineData("-.5", "-0.5")]
    [InlineData("inf", "inf")]
    [InlineData("'5'", "5")]
    [InlineData(" spaced out ", "spaced out")]
    [InlineData("[1,2]", "[1, 2]")]
    [InlineData("", "")]
    public void Env_default_is_typed_by_omegaconfs_grammar_then_made_text_as_python_str(string argument, string expected) =>
        Assert.Equal(expected, R($"a: \"${{oc.env:UNSET_VAR,{argument}}}\"")["a"]);

    [Fact]
    public void Env_default_unescapes_grammar_escapes() => Assert.Equal("a,b c", R("a: ${oc.env:UNSET_VAR,a\\,b\\ c}")["a"]);

    [Fact]
    public void Env_default_from_an_interpolation_is_its_value_as_text()
    {
        var r = R("e: ''\nn: 5\nm: {x: 1}\na: ${oc.env:UNSET_VAR,${e}}\nb: ${oc.env:UNSET_VAR,${n}}\nc: ${oc.env:UNSET_VAR,${m}}");
        Assert.Equal("", r["a"]);
        Assert.Equal("5", r["b"]);
        Assert.Equal("{'x': 1}", r["c"]);
    }

    [Theory]
    [InlineData("a: ${env:HOST_ENV}")]
    [InlineData("a: ${oc.env:UNSET_VAR,x,y}")]
    [InlineData("a: ${oc.env:}")]
    public void Env_resolver_is_only_oc_env_with_one_or_two_arguments(string yaml) =>
        Assert.Throws<ConfigValidationException>(() => R(yaml));

    [Fact]
    public void Mappings_and_lists_in_string_interpolation_are_written_as_python_writes_them_unresolved()
    {
        var r = R("b: 2\na: [1, {y: '${b}'}, \"it's\", true, null, 1.0]\nc: 'v=${a}'");
        Assert.Equal("v=[1, {'y': '${b}'}, \"it's\", True, None, 1.0]", r["c"]);
    }

    [Fact]
    public void Keys_are_matched_as_text_so_an_integer_key_is_not_found_by_its_digits()
    {
        Assert.Equal("a", R("'1': a\nb: ${1}")["b"]);
        Assert.Throws<ConfigValidationException>(() => R("1: a\nb: ${1}"));
        Assert.Throws<ConfigValidationException>(() => R("k: 1\nm: {'1': 7}\nb: ${m.${k}}"));
    }

    [Fact]
    public void A_reference_to_an_enclosing_node_or_a_mutual_expansion_is_an_error()
    {
        Assert.Throws<ConfigValidationException>(() => R("a: {k: '${b}'}\nb: ${a}"));
        Assert.Throws<ConfigValidationException>(() => R("x: {b: '${k}'}\nk: {c: '${x}'}"));
    }

    [Fact]
    public void Backslashes_before_an_interpolation_are_halved_as_omegaconf_does()
    {
        var r = R("a: 1\nb: '\\\\${a}'\nc: '\\${a}'\nd: 'x\\\\y'");
        Assert.Equal("\\1", r["b"]);
        Assert.Equal("${a}", r["c"]);
        Assert.Equal("x\\\\y", r["d"]);
    }

    [Fact]
    public void Env_resolver_without_default_fails_clearly_when_unset()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => R("a: ${oc.env:UNSET_VAR}"));
        Assert.Contains("UNSET_VAR", ex.Message);
        Assert.Equal("a", ex.Problems[0].Path);
    }

    [Fact]
    public void Cycles_are_detected()
    {
        Assert.Contains("cycle", Assert.Throws<ConfigValidationException>(() => R("a: ${b}\nb: ${a}")).Message);
        Assert.Contains("cycle", Assert.Throws<ConfigValidationException>(() => R("a: ${a}")).Message);
        Assert.Contains("cycle", Assert.Throws<ConfigValidationException>(() => R("a: {x: '${a}'}")).Message);
    }

    [Fact]
    public void Unknown_key_unknown_resolver_and_missing_referent_are_errors_with_paths()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => R("a: ${nope}\nb: ${oc.decode:x}\nm: ???\nc: ${m}"));
        Assert.Equal(["a", "b", "c"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Relative_reference_above_root_fails() =>
        Assert.Throws<ConfigValidationException>(() => R("a: ${...x}"));

    [Theory]
    [InlineData("a: '${unclosed'")]
    [InlineData("a: '${}'")]
    [InlineData("a: '${l[0}'\nl: [1]")]
    public void Malformed_interpolations_are_errors(string yaml) =>
        Assert.Throws<ConfigValidationException>(() => R(yaml));

    [Fact]
    public void Config_without_interpolations_is_returned_as_is()
    {
        var doc = YamlConfigReader.ParseMapping("a: 1");
        Assert.Same(doc, InterpolationResolver.Resolve(doc));
    }

    [Fact]
    public void Diamond_references_resolve_once_and_correctly()
    {
        // v1 refers to base twice, v2 to v1 twice...: resolved afresh at each reference, base would be worked out
        // 2^12 = 4,096 times. The environment lookup behind base counts how often it really is.
        var lookups = 0;
        var yaml = "base: ${oc.env:COUNTED}\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"v{i}: '${{v{i - 1}}}-${{v{i - 1}}}'")).Replace("${v0}", "${base}");
        var r = InterpolationResolver.Resolve(YamlConfigReader.ParseMapping(yaml), name =>
        {
            lookups++;
            return name == "COUNTED" ? "1" : null;
        });

        Assert.Equal(1, lookups);
        Assert.Equal(string.Join('-', Enumerable.Repeat("1", 1 << 12)), r["v12"]);
        Assert.Equal("1-1-1-1", r["v2"]);
    }

    [Fact]
    public void A_failing_reference_is_worked_out_once_however_often_it_is_reached()
    {
        var lookups = 0;
        var yaml = "base: ${oc.env:UNSET_COUNTED}\n" + string.Join('\n', Enumerable.Range(1, 10).Select(i => $"v{i}: '${{v{i - 1}}}-${{v{i - 1}}}'")).Replace("${v0}", "${base}");
        var ex = Assert.Throws<ConfigValidationException>(() => InterpolationResolver.Resolve(YamlConfigReader.ParseMapping(yaml), _ =>
        {
            lookups++;
            return null;
        }));

        Assert.Equal(1, lookups);
        Assert.Contains(ex.Problems, p => p.Path == "base" && p.Message.Contains("UNSET_COUNTED", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Path == "v10");
    }
}
