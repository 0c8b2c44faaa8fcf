using System.Diagnostics;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

/// <summary>
/// Small inputs built to exhaust memory, time or the stack go through the same pipeline as the fuzz test
/// (read → merge → override → resolve → write). Each must end in a typed validation error, allocating under
/// 100 MiB and within a wall-clock bound far above what it takes (the bound catches a hang, not a slowdown).
/// </summary>
public class ResourceBombTests
{
    private const long MaxAllocatedBytes = 100L * 1024 * 1024;
    private static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Bombs => new(BombCatalog.Names);

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Each_bomb_fails_with_a_typed_error_in_bounded_time_and_memory(string bomb)
    {
        var run = BombCatalog.Get(bomb)(); // builds the input outside the measurement
        // Warm up the code paths (JIT) so the measurement is of the input, not of compilation.
        Assert.ThrowsAny<TradaiException>(run);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var ex = Assert.ThrowsAny<TradaiException>(run);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.IsType<ConfigValidationException>(ex);
        Assert.True(allocated < MaxAllocatedBytes, $"{bomb}: allocated {allocated:N0} bytes");
        Assert.True(clock.Elapsed < MaxElapsed, $"{bomb}: took {clock.Elapsed}");
    }

    [Fact]
    public void Interpolation_doubling_names_the_first_value_over_the_limit()
    {
        var ex = Assert.Throws<ConfigValidationException>(() => InterpolationResolver.Resolve(YamlConfigReader.ParseMapping(BombCatalog.Doubling(20, 4))));
        Assert.Equal("a11", ex.Problems[0].Path); // a10 is 4^10 = 1,048,576 characters: exactly the limit
        Assert.Contains("1,048,576 characters", ex.Problems[0].Message);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var doc = YamlConfigReader.ParseMapping("a: xxxxxxxxxx\nb: ${a}${a}");
        Assert.Equal(new string('x', 20), InterpolationResolver.Resolve(doc)["b"]);
        var ex = Assert.Throws<ConfigValidationException>(() => InterpolationResolver.Resolve(doc, options: new InterpolationOptions { MaxValueLength = 15 }));
        Assert.Equal("b", ex.Problems.Single().Path);
    }

    [Fact]
    public void A_long_chain_of_references_in_document_order_still_resolves()
    {
        var yaml = new StringBuilder("a0: 1\n");
        for (var i = 1; i < 2000; i++)
        {
            yaml.Append('a').Append(i).Append(": ${a").Append(i - 1).Append("}\n");
        }

        Assert.Equal(1L, InterpolationResolver.Resolve(YamlConfigReader.ParseMapping(yaml.ToString()))["a1999"]);
    }

    [Fact]
    public void An_override_path_at_the_nesting_limit_works_and_one_level_more_is_refused()
    {
        var ok = string.Join('.', Enumerable.Repeat("k", 128));
        var applied = OverrideApplier.Apply(ConfigMapping.Empty, [$"+{ok}=1"]);
        Assert.Equal(128, applied.Depth);
        _ = YamlConfigReader.ParseMapping(ConfigYamlWriter.ToYaml(applied)); // what is written can be read back

        var ex = Assert.Throws<ConfigValidationException>(() => OverrideApplier.Apply(ConfigMapping.Empty, [$"+{ok}={{x: 1}}"]));
        Assert.Contains("deeper than 128", ex.Message);
    }

    [Fact]
    public void Trees_know_their_depth_and_size_without_walking_them()
    {
        var doc = YamlConfigReader.ParseMapping("a: {b: [1, {c: 2}]}\nd: 3");
        Assert.Equal(4, doc.Depth);
        Assert.Equal(7, doc.NodeCount);
    }
}

/// <summary>The bombs, by name, each a complete run through the pipeline stage it attacks.</summary>
internal static class BombCatalog
{
    private static readonly Dictionary<string, Func<Action>> Runs = new(StringComparer.Ordinal)
    {
        // 574 bytes that expand 4× a line: 4^20 characters if nothing stops it.
        ["interpolation doubling"] = () => Pipeline(Doubling(20, 4)),
        ["interpolation doubling of mappings"] = () => Pipeline(MappingDoubling(30)),
        ["references nesting ever deeper"] = () => Pipeline(Chain(300, i => $"a{i}: {{n: ${{a{i - 1}}}}}", "a0: {v: 1}")),
        ["references chained deeper than the resolver recurses"] = () => Pipeline(Chain(5000, i => $"a{i}: ${{a{i + 1}}}", "a5000: 1")),
        // OmegaConf's grammar is recursive: nesting deeper than the parser's bound is refused when the document is read.
        ["interpolations nested 10,000 deep"] = () => Pipeline("a: \"" + string.Concat(Enumerable.Repeat("${oc.env:X,", 10_000)) + "y" + new string('}', 10_000) + "\""),
        ["quoted resolver arguments nested 10,000 deep"] = () => Pipeline("a: \"${oc.env:X," + string.Concat(Enumerable.Repeat("'${oc.env:X,", 10_000)) + "y" + string.Concat(Enumerable.Repeat("}'", 10_000)) + "}\""),
        // str() of a list of aliases: the Python text of 'm' is 64 × 100,000 characters, never built in full.
        ["Python text of a list of aliases of a long string"] = () => Pipeline("s: &s " + new string('x', 100_000) + "\nm: [" + string.Join(", ", Enumerable.Repeat("*s", 64)) + "]\nb: \"m=${m}\""),
        ["override with 60,000 path segments"] = () => Overrides("+" + string.Join('.', Enumerable.Repeat("k", 60_000)) + "=1"),
        ["override value nesting past the limit"] = () => Overrides("+" + string.Join('.', Enumerable.Repeat("k", 100)) + "=" + new string('[', 40) + new string(']', 40)),
        ["flow sequences nested 100,000 deep"] = () => Pipeline(new string('[', 100_000) + new string(']', 100_000)),
        ["block mappings nested 1,000 deep"] = () => Pipeline(string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i) + "k:\n"))),
        ["JSON nested 100,000 deep"] = () =>
        {
            var json = new string('[', 100_000) + new string(']', 100_000);
            return () => CanonicalJsonReader.Read(json);
        },
        ["5 MiB document"] = () => Pipeline("a: " + new string('x', 5 * 1024 * 1024)),
        ["unbounded stream (/dev/zero)"] = () => () => Utf8Input.ReadAsync(new ZeroStream(), 4 * 1024 * 1024, "zero").GetAwaiter().GetResult(),
        ["invalid UTF-8"] = () => () => Utf8Input.Decode([.. "name: ok\nbad: "u8, 0xC3, 0x28], "bytes"),
        ["billion laughs"] = () => Pipeline("a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]"),
    };

    public static IEnumerable<string> Names => Runs.Keys;

    /// <summary>A builder: it prepares the input, and returns the run that feeds it.</summary>
    public static Func<Action> Get(string name) => Runs[name];

    public static string Doubling(int lines, int copies)
    {
        var sb = new StringBuilder("a0: x\n");
        for (var i = 1; i < lines; i++)
        {
            sb.Append('a').Append(i).Append(": \"").Append(string.Concat(Enumerable.Repeat($"${{a{i - 1}}}", copies))).Append("\"\n");
        }

        return sb.ToString();
    }

    private static string MappingDoubling(int lines)
    {
        var sb = new StringBuilder("m0: {v: 1}\n");
        for (var i = 1; i < lines; i++)
        {
            sb.Append('m').Append(i).Append(": {x: ${m").Append(i - 1).Append("}, y: ${m").Append(i - 1).Append("}}\n");
        }

        return sb.ToString();
    }

    private static string Chain(int count, Func<int, string> line, string end)
    {
        var sb = new StringBuilder();
        for (var i = count > 1000 ? 0 : 1; i < count; i++)
        {
            sb.Append(line(i)).Append('\n');
        }

        return sb.Append(end).Append('\n').ToString();
    }

    private static Action Pipeline(string yaml) => () =>
    {
        var doc = YamlConfigReader.ParseMapping(yaml, "bomb");
        var merged = InterpolationResolver.Resolve(ConfigMerger.Merge(ConfigMapping.Empty, doc), _ => null);
        _ = ConfigYamlWriter.ToYaml(merged);
        _ = ConfigJsonWriter.ToJson(merged);
    };

    private static Action Overrides(string text) => () => OverrideApplier.Apply(ConfigMapping.Empty, [text]);

    private sealed class ZeroStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
