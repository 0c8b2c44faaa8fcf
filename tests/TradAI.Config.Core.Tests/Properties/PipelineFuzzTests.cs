using System.Globalization;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Properties;

/// <summary>
/// Random and mutated YAML documents and override strings go through parse → merge → overrides → resolve → validate;
/// only the typed errors may escape. Short by default; set TRADAI_FUZZ_ITERATIONS (e.g. 20000) for a long run.
/// </summary>
public class PipelineFuzzTests
{
    private const string Alphabet = ":-[]{}&*!|>'\"%@#,?\n\t ${}.~<=+^\\0123456789abcxyz\u00e9\u2028\u0000";

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("TRADAI_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 400;

    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml")),
        "a: &x {b: [1, 2, *y]}\nc: *x\nd: ${a.b[0]}",
        "l: [${..x}, '${oc.env:HOME}', \"${a}:${b}\"]\nx: {<<: *a}",
        "name: s\nversion: 1.0.0\ntimeframe: 1h\nexchange: e\nstake_currency: USD\npairs: [A/USD]\nfreqai: {train_period_days: 3}",
        "? complex\n: value\n!!binary aGVsbG8=: x\n--- \n...",

        // The resource bombs of ResourceBombTests, mutated: each variant must stay bounded too.
        BombCatalog.Doubling(20, 4),
        "m0: {v: [1, 2]}\nm1: {x: ${m0}, y: ${m0}}\nm2: {x: ${m1}, y: ${m1}}\nm3: {x: ${m2}, y: ${m2}}\nm4: \"${m3}${m3}${m3}${m3}\"",
        new string('[', 300) + new string(']', 300),
    ];

    private static readonly string[] OverrideSeeds =
    [
        "a.b=1", "+x.y=[1,2]", "++z={a: 1}", "~a", "name=${a}", "pairs=[BTC/USDT]", "a=", "0=x",
        "+" + string.Join('.', Enumerable.Repeat("k", 127)) + "=[[1]]", "++deep=" + new string('[', 130) + new string(']', 130),
    ];

    private const long MaxAllocatedPerInput = 100L * 1024 * 1024;

    [Fact]
    public void Only_typed_errors_escape_the_pipeline()
    {
        var random = new Random(Environment.GetEnvironmentVariable("TRADAI_FUZZ_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20261126);
        var baseConfig = YamlConfigReader.ParseMapping(Seeds[0]);
        var outcomes = new int[2];
        for (var i = 0; i < Iterations; i++)
        {
            var doc = Mutate(Seeds[random.Next(Seeds.Length)], random, random.Next(1, 12));
            var overrides = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Mutate(OverrideSeeds[random.Next(OverrideSeeds.Length)], random, random.Next(0, 4))).ToArray();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var parsed = YamlConfigReader.ParseMapping(doc, "fuzz", new YamlReadOptions { MaxExpandedNodes = 100_000 });
                var merged = ConfigMerger.Merge(baseConfig, parsed);
                merged = OverrideApplier.Apply(merged, overrides);
                merged = InterpolationResolver.Resolve(merged, _ => null);
                _ = ConfigYamlWriter.ToYaml(merged);
                _ = ConfigJsonWriter.ToJson(merged);
                StrategyConfigSchema.Instance.Bind(merged);
                outcomes[0]++;
            }
            catch (TradaiException)
            {
                outcomes[1]++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i}: {ex}\n--- document ---\n{doc}\n--- overrides ---\n{string.Join('\n', overrides)}");
            }

            // Bounded per input: a hang or a memory bomb fails here, not the machine (the bound is far above normal).
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.True(allocated < MaxAllocatedPerInput && clock.Elapsed < TimeSpan.FromSeconds(10),
                $"iteration {i}: {allocated:N0} bytes, {clock.Elapsed}\n--- document ---\n{doc}");
        }

        // Both paths were exercised: some inputs survive, some are rejected.
        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"ok={outcomes[0]} rejected={outcomes[1]}");
    }

    private static string Mutate(string text, Random random, int edits)
    {
        var sb = new StringBuilder(text);
        for (var e = 0; e < edits; e++)
        {
            var pos = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0 when sb.Length > 0:
                    sb.Remove(pos, Math.Min(sb.Length - pos, random.Next(1, 6)));
                    break;
                case 1:
                    sb.Insert(pos, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when sb.Length > 0:
                    sb[pos] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    // Splice a fragment from elsewhere in the text (duplicates keys, nests structures).
                    var start = random.Next(sb.Length + 1);
                    var len = Math.Min(sb.Length - start, random.Next(0, 40));
                    sb.Insert(pos, sb.ToString(start, len));
                    break;
            }
        }

        return sb.ToString();
    }
}
