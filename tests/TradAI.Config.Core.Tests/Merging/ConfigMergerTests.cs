using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Merging;

public class ConfigMergerTests
{
    private static ConfigMapping Y(string yaml) => YamlConfigReader.ParseMapping(yaml);

    private static ConfigMapping Merge(string a, string b, MergeOptions? o = null) => ConfigMerger.Merge(Y(a), Y(b), o);

    [Fact]
    public void Nested_mappings_merge_recursively() =>
        Assert.Equal(Y("{a: {x: 1, y: 20, z: 30}, b: 2}"), Merge("{a: {x: 1, y: 2}, b: 2}", "a: {y: 20, z: 30}"));

    [Fact]
    public void Lists_are_replaced_not_merged() =>
        Assert.Equal(Y("l: [9]"), Merge("l: [1, 2, 3]", "l: [9]"));

    [Fact]
    public void Later_sources_win_for_scalars() =>
        Assert.Equal(Y("a: 3"), ConfigMerger.Merge([Y("a: 1"), Y("a: 2"), Y("a: 3")]));

    [Fact]
    public void Null_replaces_a_value() => Assert.Equal(Y("a: null"), Merge("a: {x: 1}", "a: null"));

    [Fact]
    public void Missing_never_overwrites_a_value() => Assert.Equal(Y("{a: 1, b: {c: 2}}"), Merge("{a: 1, b: {c: 2}}", "a: ???\nb:\n  c: ???"));

    [Fact]
    public void Missing_is_added_when_the_key_is_new() => Assert.Same(MissingValue.Instance, Merge("a: 1", "b: ???")["b"]);

    [Fact]
    public void A_value_replaces_missing() => Assert.Equal(Y("a: 5"), Merge("a: ???", "a: 5"));

    [Fact]
    public void Scalars_and_containers_replace_each_other()
    {
        Assert.Equal(Y("a: 5"), Merge("a: {x: 1}", "a: 5"));
        Assert.Equal(Y("a: {x: 1}"), Merge("a: 5", "a: {x: 1}"));
        Assert.Equal(Y("a: 5"), Merge("a: [1]", "a: 5"));
        Assert.Equal(Y("a: [1]"), Merge("a: 5", "a: [1]"));
        Assert.Equal(Y("a: [1]"), Merge("a: null", "a: [1]"));
        Assert.Equal(Y("a: {x: 1}"), Merge("a: ???", "a: {x: 1}"));
    }

    // Rule 2 of issue 10: OmegaConf raises "Cannot merge DictConfig with ListConfig" either way round.
    [Theory]
    [InlineData("a: {x: 1}", "a: [1]")]
    [InlineData("a: [1]", "a: {x: 1}")]
    [InlineData("a: {b: {c: {}}}", "a: {b: {c: []}}")]
    [InlineData("a: [1]\nb: ${a}", "b: {y: 2}")]
    [InlineData("a: {x: 1}\nb: ${a}", "b: [2]")]
    public void A_mapping_and_a_list_never_merge_into_each_other(string baseYaml, string overrideYaml)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => Merge(baseYaml, overrideYaml));
        Assert.Contains("cannot merge a", ex.Message);
    }

    [Fact]
    public void A_list_or_mapping_still_replaces_or_is_replaced_through_null_and_missing()
    {
        Assert.Equal(Y("a: [1]"), ConfigMerger.Merge([Y("a: {x: 1}"), Y("a: null"), Y("a: [1]")]));
        Assert.Equal(Y("a: {x: 1}"), Merge("a: {x: 1}", "a: ???"));
        Assert.Equal(Y("a: [1]"), Merge("a: [1]", "a: ???"));
    }

    // Rule 3 of issue 10: merging a mapping into an interpolation merges into a copy of what it points at.
    [Fact]
    public void Merging_a_mapping_into_an_interpolation_of_a_mapping_copies_the_target_and_merges()
    {
        var merged = Merge("a: {x: 1}\nb: ${a}", "b: {y: 2}");
        Assert.Equal(Y("a: {x: 1}\nb: {x: 1, y: 2}"), merged);
        Assert.Equal(Y("b: {p: 1, q: 2}"), Merge("a: {x: {p: 1}}\nb: ${a.x}", "b: {q: 2}").Without("a"));
    }

    [Theory]
    [InlineData("a: 1\nb: ${a}")]
    [InlineData("b: ${nope}")]
    [InlineData("b: ${oc.env:SURELY_UNSET_TRADAI_VARIABLE}")]
    [InlineData("b: 'x${a}'\na: {x: 1}")]
    public void An_interpolation_that_is_not_a_mapping_is_simply_replaced(string baseYaml) =>
        Assert.Equal(Y("{y: 2}"), (ConfigMapping)Merge(baseYaml, "b: {y: 2}")["b"]!);

    [Fact]
    public void The_target_is_taken_as_merged_so_far_and_relative_references_move_with_the_copy()
    {
        // OmegaConf merges in place, key by key: a change to 'a' made earlier in the same override is seen.
        Assert.Equal(Y("{x: 1, z: 3, y: 2}"), Merge("a: {x: 1}\nb: ${a}", "a: {z: 3}\nb: {y: 2}")["b"]);
        Assert.Equal(Y("{x: 1, y: 2}"), Merge("a: {x: 1}\nb: ${a}", "b: {y: 2}\na: {z: 3}")["b"]);

        // '???' onto such an interpolation freezes the copy: a later change to 'a' no longer shows in 'b'.
        var frozen = ConfigMerger.Merge([Y("a: {x: 1}\nb: ${a}"), Y("b: ???"), Y("a: {x: 2}")]);
        Assert.Equal(Y("{x: 1}"), frozen["b"]);

        var relative = InterpolationResolver.Resolve(Merge("a: {x: 1, y: '${.x}'}\nb: ${a}", "b: {x: 5}"));
        Assert.Equal(Y("{x: 5, y: 5}"), relative["b"]);
    }

    [Fact]
    public void Merging_into_an_interpolation_refuses_a_copy_that_would_nest_past_the_read_limit()
    {
        // 'a' is 100 levels deep; its copy at a 30-level path would be 130 deep, more than a reader accepts (128).
        var deepA = string.Concat(Enumerable.Repeat("{k: ", 100)) + "1" + new string('}', 100);
        var at = string.Join('.', Enumerable.Repeat("p", 30));
        var baseDoc = OverrideApplier.Apply(Y("a: " + deepA), [$"+{at}=${{a}}"]);
        var overrideDoc = OverrideApplier.Apply(ConfigMapping.Empty, [$"+{at}={{y: 2}}"]);

        var ex = Assert.Throws<ConfigValidationException>(() => ConfigMerger.Merge(baseDoc, overrideDoc));
        Assert.Contains("deeper than 128", ex.Message);

        // At a shallow path the same copy fits and merges.
        var shallow = ConfigMerger.Merge(Y("a: " + deepA + "\nb: ${a}"), Y("b: {y: 2}"));
        Assert.Equal(2L, ((ConfigMapping)shallow["b"]!)["y"]);
    }

    [Fact]
    public void Merging_into_a_malformed_interpolation_is_an_error_even_when_the_value_is_replaced()
    {
        var malformed = ConfigMapping.Of(("b", "${a"));
        Assert.Contains("not a valid interpolation", Assert.Throws<ConfigValidationException>(() => ConfigMerger.Merge(malformed, Y("b: 1"))).Message);
    }

    [Fact]
    public void Keys_equal_in_python_merge_as_one_key_and_keep_the_base_form()
    {
        var merged = Merge("1: a\nno: b", "true: x\n0.0: y\n'1': z");
        Assert.Equal([1L, false, "1"], merged.Keys);
        Assert.Equal("x", merged[1L]);
        Assert.Equal("y", merged[0L]);
    }

    [Fact]
    public void Empty_inputs_are_identities()
    {
        var doc = Y("a: {b: 1}");
        Assert.Same(doc, ConfigMerger.Merge(doc, ConfigMapping.Empty));
        Assert.Equal(doc, ConfigMerger.Merge(ConfigMapping.Empty, doc));
        Assert.Empty(ConfigMerger.Merge([]));
        Assert.Equal(Y("a: {}"), Merge("a: {}", "a: {}"));
        Assert.Equal(Y("a: {x: 1}"), Merge("a: {}", "a: {x: 1}"));
    }

    [Fact]
    public void New_keys_are_appended_in_order() =>
        Assert.Equal(["a", "b", "c"], Merge("a: 1", "b: 2\nc: 3").Keys.Cast<string>());

    [Fact]
    public void Interpolations_are_copied_as_text_not_resolved() =>
        Assert.Equal("${a}", Merge("a: 1\nb: 2", "b: ${a}")["b"]);

    [Fact]
    public void Struct_mode_rejects_every_unknown_key_with_its_path()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => Merge("{a: {x: 1}, b: 1}", "{a: {y: 2}, c: 3}", MergeOptions.Struct));
        Assert.Equal(["a.y", "c"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Struct_mode_allows_known_keys() => Assert.Equal(Y("a: {x: 5}"), Merge("a: {x: 1}", "a: {x: 5}", MergeOptions.Struct));

    [Fact]
    public void Int_and_string_keys_are_distinct() =>
        Assert.Equal(2, Merge("0: a", "'0': b").Count);

    [Fact]
    public void Shallow_merge_replaces_whole_top_level_values() =>
        Assert.Equal(Y("{a: {y: 2}, b: 1, c: 3}"), ConfigMerger.ShallowMerge(Y("{a: {x: 1}, b: 1}"), Y("{a: {y: 2}, c: 3}")));

    [Fact]
    public void Inputs_are_never_mutated()
    {
        var a = Y("a: {x: 1}");
        var b = Y("a: {y: 2}");
        var before = ConfigJsonWriter.ToJson(a);
        _ = ConfigMerger.Merge(a, b);
        Assert.Equal(before, ConfigJsonWriter.ToJson(a));
    }
}
