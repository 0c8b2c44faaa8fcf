using BenchmarkDotNet.Attributes;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Benchmarks;

/// <summary>
/// Parse + merge + validate of the shipped example strategy (configs/momentum-btc.yaml, ~2.7 KB) with a ~0.9 KB
/// override file (examples/overrides-live.yaml) and two Hydra overrides — the work `tradai strategy load` does.
/// Target: ≤ 50 µs per operation (OmegaConf 2.2 takes about 10 ms).
/// </summary>
[MemoryDiagnoser]
public class MergePipelineBenchmarks
{
    private string _baseYaml = "";
    private string _overrideYaml = "";
    private static readonly string[] HydraOverrides = ["max_open_trades=8", "+parameters.new_flag=true"];

    [GlobalSetup]
    public void Setup()
    {
        _baseYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml"));
        _overrideYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "overrides-live.yaml"));
    }

    [Benchmark(Description = "parse base + override YAML")]
    public (ConfigMapping, ConfigMapping) Parse() =>
        (YamlConfigReader.ParseMapping(_baseYaml), YamlConfigReader.ParseMapping(_overrideYaml));

    [Benchmark(Baseline = true, Description = "parse + merge + resolve + validate")]
    public StrategyConfig ParseMergeValidate()
    {
        var merged = ConfigMerger.Merge(YamlConfigReader.ParseMapping(_baseYaml), YamlConfigReader.ParseMapping(_overrideYaml));
        merged = OverrideApplier.Apply(merged, HydraOverrides);
        merged = InterpolationResolver.Resolve(merged, static _ => null);
        return StrategyConfigSchema.Instance.Bind(merged);
    }
}
