using CsCheck;
using TradAI.Config.Core.Merging.Grammar;
using static TradAI.Config.Core.Merging.Grammar.InterpolationSyntax;

namespace TradAI.Config.Core.Tests.Merging;

/// <summary>The port of OmegaConf's interpolation lexer and parser, and the shortcut for plain node references.</summary>
public class InterpolationGrammarTests
{
    [Theory]
    [InlineData("true", "Bool")]
    [InlineData("TrUe", "Bool")]
    [InlineData("trueish", "Id")]
    [InlineData("inf", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData("1_000", "Int")]
    [InlineData("null", "Null")]
    [InlineData("-", "UnquotedChar")]
    public void Resolver_arguments_lex_by_longest_match_then_rule_order(string argument, string kind)
    {
        var tokens = InterpolationLexer.Tokenize("${f:" + argument + "}");
        Assert.Equal(kind, tokens[^2].Kind.ToString());
        Assert.Equal(argument, tokens[^2].Text);
    }

    [Fact]
    public void A_hex_looking_argument_is_two_tokens_so_it_stays_text()
    {
        var tokens = InterpolationLexer.Tokenize("${f:0x1F}");
        Assert.Equal([InterpolationTokenKind.Int, InterpolationTokenKind.Id], tokens.Skip(3).Take(2).Select(t => t.Kind));
    }

    [Theory]
    [InlineData("${a b}")]
    [InlineData("${}")]
    [InlineData("${a")]
    [InlineData("${a.}")]
    [InlineData("${..}")]
    [InlineData("${f:'x'y}")]
    public void Invalid_interpolations_are_syntax_errors(string text) =>
        Assert.Throws<InterpolationSyntaxException>(() => InterpolationParser.Parse(text));

    [Fact]
    public void Nesting_is_bounded_below_pythons_recursion_limit()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("${oc.env:X,", depth)) + "y" + new string('}', depth);

        _ = InterpolationParser.Parse(Nested(InterpolationParser.MaxNesting));
        var ex = Assert.Throws<InterpolationSyntaxException>(() => InterpolationParser.Parse(Nested(InterpolationParser.MaxNesting + 1)));
        Assert.Contains("more than 64 levels deep", ex.Message);
        Assert.Throws<InterpolationSyntaxException>(() => InterpolationParser.Parse("${f:" + new string('[', 65) + new string(']', 65) + "}"));
    }

    [Theory]
    [InlineData("a${b}", true)]
    [InlineData("${oc.env:X, y }", true)]
    [InlineData("${a.b[0]}-${..c}", true)]
    [InlineData("${a b}", false)]
    [InlineData("${f:'q'}", false)]
    public void The_simple_pattern_is_omegaconfs_load_time_shortcut(string text, bool matches) =>
        Assert.Equal(matches, SimpleInterpolation.Matches(text));

    private const string Alphabet = "${}$.[]\\ :,'\"abk01-_";

    [Fact]
    public void The_node_reference_shortcut_builds_what_the_full_grammar_builds() =>
        Gen.Frequency(
                (3, Gen.OneOfConst(Alphabet.ToCharArray()).Array[1, 14].Select(cs => new string(cs))),
                (1, Gen.OneOfConst("${a}", "x${a.b}y", "${ a }", "${..b[0]}", "$${a}", "${a}$", "${a}${b}", "${.0}").Array[1, 3].Select(string.Concat)))
            .Sample(text =>
            {
                if (SimpleInterpolation.TryParseNodeReferences(text) is { } quick)
                {
                    Assert.Equal(Describe(InterpolationParser.ParseFull(text)), Describe(quick));
                }
            }, iter: 5000);

    private static string Describe(Text text) => "T(" + string.Join(",", text.Parts.Select(Describe)) + ")";

    private static string Describe(Part part) => part switch
    {
        Literal l => "L" + l.Value.Length + ":" + l.Value,
        NodeReference n => "N(" + string.Join(",", n.Key.Select(Describe)) + ")",
        ResolverCall r => "R(" + string.Join(",", r.Name.Select(Describe)) + ";" + r.Arguments.Count + ")",
        _ => "?",
    };

    [Fact]
    public void Backslash_pairs_are_halved_only_before_an_interpolation()
    {
        static string Literals(string s) => string.Concat(InterpolationParser.Parse(s).Parts.OfType<Literal>().Select(l => l.Value));
        Assert.Equal("\\", Literals("\\\\${a}"));
        Assert.Equal("x\\\\y", Literals("x\\\\y${a}"));
        Assert.Equal("${a}", Literals("\\${a}"));
        Assert.Equal("\\${a}", Literals("\\\\\\${a}"));
    }
}
