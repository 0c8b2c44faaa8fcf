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
        var yaml = "base: 1\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"v{i}: '${{v{i - 1}}}-${{v{i - 1}}}'")).Replace("${v0}", "${base}");
        var r = R(yaml);
        Assert.StartsWith("1-1-1-1", (string)r["v5"]!);
    }
}
