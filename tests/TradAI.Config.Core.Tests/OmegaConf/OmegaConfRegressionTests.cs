namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// Every disagreement the generated differential runs found, reduced to a fixed case and checked against the real
/// OmegaConf on every run (documents separated by <c>|||</c>, merged left to right). The rules they pin are unit
/// tested with explicit values in the Tree and Merging tests; here OmegaConf itself is the expected value.
/// </summary>
[Collection(OmegaConfCollection.Name)]
public class OmegaConfRegressionTests(OmegaConfOracle oracle)
{
    public static TheoryData<string> Cases =>
    [
        // Rule 1: YAML 1.1 typing, keys too.
        "a: 0o17\nb: -0o17\nc: 0o7\n0o17: key",
        "a: 0_\nb: 00\nc: 0_1\nd: 1_\ne: 1__0\nf: 09",
        "a: 190:20:30.15\nb: 1:2.5\nc: 12:30:45\nd: 1:60\ne: 0:30",
        "a: ._5\nb: .5e3\nc: .5e+3\nd: 1.e+3\ne: 1.5e3\nf: 1e\ng: -.5\nh: +.5",
        "a: 0b_",
        "a: 0x_",
        "a: ._",
        "a: =",
        "a: <<",
        "=: 1",
        "k: {c: {=: [x], =: []}}",
        "a: !!str ???|||a: {x: 1}",
        "b: False|||b: !!str ???",
        "a: !!int 0o17\nb: !!float '1e3'\nc: !!bool YES",

        // Keys compare as Python's dict does: 1, 1.0 and true are one key; a repeated non-string key is an assignment.
        "1: a\n0x1: b\n1.0: c\ntrue: d",
        "yes: b|||1.0: [3.]",
        "1: a|||true: b",
        "\"1\": a|||1: b",
        "yes:\n  - {null: {c: 2}}\n0x1: {}",
        "1.0: ${a.}\ntrue: 'yes'",
        "a: {~: 1}",

        // PyYAML's flow syntax: '?' is a key indicator.
        "a: {x: ???}",
        "a: [?x, '?y']\nb: {?k: 1}",
        "a: [x?y]",

        // Anchors and merge keys: a list is merged last source first, repeated merge keys in order.
        "a: &a {x: 1, w: 0}\nb: &b {y: 2, x: 3}\nc: {<<: [*a, *b], z: 0}",
        "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n",

        // Rule 2: a mapping and a list never merge, also through an interpolation.
        "a: {b: 1}|||a: [1]",
        "a: [1]|||a: {b: 1}",
        "a: [1]\nb: ${a}|||b: {y: 2}",
        "a: {x: 1}\nb: ${a}|||b: [2]",
        "a: null|||a: {b: 1}|||a: [1]",

        // Rule 3: merging a mapping into an interpolation merges into a copy of its target, as merged so far.
        "a: {x: 1}\nb: ${a}|||b: {y: 2}",
        "a: {x: 1}\nb: \"${a}\"|||b: {y: 2}",
        "a: {x: {p: 1}}\nb: ${a.x}|||b: {q: 2}",
        "a: 1\nb: ${a}|||b: {y: 2}",
        "b: ${nope}|||b: {y: 2}",
        "b: ${oc.env:TRADAI_DT_UNSET}|||b: {y: 2}",
        "a: {x: 1}\nb: ${a}|||b: ???|||a: {x: 2}",
        "a: {x: 1}\nb: ${a}|||a: {z: 3}\nb: {y: 2}",
        "a: {x: 1}\nb: ${a}|||b: {y: 2}\na: {z: 3}",
        "a: {x: 1, y: \"${.x}\"}\nb: ${a}|||b: {x: 5}",
        "b: ${a|||b: 1",

        // Interpolations: OmegaConf's grammar, checked at load; oc.env defaults typed, then str().
        "x: {b: '${a b}'}|||x: 1",
        "a: ${oc.env:TRADAI_DT_UNSET,1e3}\nb: ${oc.env:TRADAI_DT_UNSET,true}\nc: ${oc.env:TRADAI_DT_UNSET,0x1F}\nd: ${oc.env:TRADAI_DT_UNSET,1_000}",
        "a: ${oc.env:TRADAI_DT_UNSET,-.5}\nb: ${oc.env:TRADAI_DT_UNSET,inf}\nc: ${oc.env:TRADAI_DT_UNSET,NULL}\nd: ${oc.env:TRADAI_DT_UNSET,[1,2]}",
        "a: ${oc.env:TRADAI_DT_UNSET,}\nb: ${oc.env:,x}\nc: \"${oc.env:TRADAI_DT_UNSET, spaced out }\"",
        "a: ''\nx: ${oc.env:TRADAI_DT_UNSET,${a}}",
        "a: {x: 1}\nb: ${oc.env:TRADAI_DT_UNSET,${a}}",
        "a: ${oc.env:TRADAI_DT_UNSET,a,b}",
        "a: ${env:TRADAI_DT_SET}",
        "a: [1, {y: '${b}'}]\nb: 2\nc: \"v=${a}\"",
        "a: {x: \"it's\", y: [true, null, 1.0]}\nb: \"${a}!\"",
        "1: a\nb: ${1}",
        "\"1\": a\nb: ${1}",
        "k: 1\na: {1: 7}\nb: ${a.${k}}",
        "k: x\nx: 7\nb: ${${k}}",
        "a: {k: ${b}}\nb: ${a}",
        "x: {b: ${k}}\nk: {c: ${x}}",
        "b: \\\\${a}\na: 1",
        "b: \\${a}\na: 1",
        "a: [10, 20]\nb: ${a.0}\nc: ${a[1]}\nd: ${a.2}",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_OmegaConf(string docs)
    {
        oracle.Require();
        var split = docs.Split("|||");
        Assert.Null(OmegaConfDifferential.CompareMerge(oracle, split));
    }
}
