using System.Text;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tests.Properties;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Tree;

/// <summary>
/// The fast path may decline any document, but whatever it accepts must equal what the reference reader
/// (YamlDotNet events) produces — and the reference reader must accept it too.
/// </summary>
public class FastYamlReaderTests
{
    private static void AssertAgrees(string yaml)
    {
        if (!FastYamlReader.TryParse(yaml, YamlReadOptions.Default, out var fast))
        {
            return;
        }

        object? reference;
        try
        {
            reference = YamlConfigReader.ParseWithYamlDotNet(yaml, null, YamlReadOptions.Default);
        }
        catch (ConfigValidationException ex)
        {
            Assert.Fail($"fast path accepted a document the reference reader rejects ({ex.Message}):\n{yaml}");
            return;
        }

        Assert.True(ConfigValues.DeepEquals(reference, fast), $"fast path differs from reference for:\n{yaml}\nfast: {ConfigJsonWriter.ToJson(fast, false)}\nref:  {ConfigJsonWriter.ToJson(reference, false)}");
    }

    [Fact]
    public void The_shipped_configs_take_the_fast_path_and_agree()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "configs"), "*.yaml"))
        {
            var yaml = File.ReadAllText(file);
            Assert.True(FastYamlReader.TryParse(yaml, YamlReadOptions.Default, out _), $"{file} fell back to the slow path");
            AssertAgrees(yaml);
        }
    }

    [Theory]
    [InlineData("a: 1\nb:\n  c: [1, 'x', \"y\\n\", {k: v}]\n  d:\n  - 1\n  - e: f\n    g: h\n  -\n  - ''\n")]
    [InlineData("pairs:\n- A\n- B\nnext: 1\n")]
    [InlineData("base: &b\n  x: 1\nd:\n  <<: *b\n  y: 2\ne: *b\n")]
    [InlineData("k: v # comment\n# full line\n   # indented comment\nq: 'it''s'\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: 1\n  b: 2\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: [1, 2,]\n")]
    [InlineData("a: plain\n  continued\n")]
    [InlineData("- 1\n- 2\n")]
    [InlineData("a: -1\nb: - 1\n")]
    [InlineData("a: &x\nb: *x\n")]
    [InlineData("a: {b: {c: [1, [2, [3]]]}}\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("'0': a\n0: b\n\"x y\": c\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: \"\\u00e9\\t\\\\\"\n")]
    [InlineData("url: http://x:80/p?q=1#frag\n")]
    [InlineData("a: x #c\nb: x#c\n")]
    [InlineData("k: :x\nl: -x\nm: ?x\n")]
    public void Handwritten_cases_agree(string yaml) => AssertAgrees(yaml);

    [Fact]
    public void Generated_documents_agree() =>
        ConfigGenerators.Mapping(4).Sample(m => AssertAgrees(ConfigYamlWriter.ToYaml(m)), iter: 1000);

    [Fact]
    public void Mutated_documents_agree()
    {
        var random = new Random(7);
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "configs"), "*.yaml").Select(File.ReadAllText).ToArray();
        const string alphabet = ":-[]{}&*!|>'\"#,? \n.~0123456789abcxyz${}";
        for (var i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var e = random.Next(1, 6); e > 0; e--)
            {
                var pos = random.Next(sb.Length);
                switch (random.Next(3))
                {
                    case 0: sb.Remove(pos, Math.Min(sb.Length - pos, random.Next(1, 4))); break;
                    case 1: sb.Insert(pos, alphabet[random.Next(alphabet.Length)]); break;
                    default: sb[pos] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            AssertAgrees(sb.ToString());
        }
    }
}
