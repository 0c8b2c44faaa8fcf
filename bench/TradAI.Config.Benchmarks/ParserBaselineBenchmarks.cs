using BenchmarkDotNet.Attributes;
using YamlDotNet.Core;

namespace TradAI.Config.Benchmarks;

/// <summary>The floor set by YamlDotNet: reading every parser event of the example config, building nothing.</summary>
[MemoryDiagnoser]
public class ParserBaselineBenchmarks
{
    private string _baseYaml = "";

    [GlobalSetup]
    public void Setup() => _baseYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml"));

    [Benchmark(Description = "YamlDotNet events only")]
    public int YamlDotNetEvents()
    {
        var parser = new Parser(new StringReader(_baseYaml));
        var n = 0;
        while (parser.MoveNext())
        {
            n++;
        }

        return n;
    }
}
