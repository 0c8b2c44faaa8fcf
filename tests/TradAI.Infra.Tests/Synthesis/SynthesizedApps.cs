using System.Collections.Concurrent;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Environments;

namespace TradAI.Infra.Tests.Synthesis;

/// <summary>
/// Assembly fixture: each variant (dev, staging, prod, and two override sets) is synthesized at most once per test
/// run, on first use, and shared by every assertion. A run that only touches config tests synthesizes nothing.
/// </summary>
public sealed class SynthesizedApps : IDisposable
{
    /// <summary>dev with every list/boolean/schedule override the spec names, Fargate and no ALB.</summary>
    public static readonly InfraContext DevOverrides = InfraContext.From(new Dictionary<string, object?>
    {
        [InfraContextKeys.Environment] = "dev",
        [InfraContextKeys.ConsolidatedMode] = "false",
        [InfraContextKeys.SkipAlb] = "true",
        [InfraContextKeys.DriftMonitorSchedule] = "rate(1 day)",
        [InfraContextKeys.StrategyEcrRepos] = new object[] { "momentum", "mean-reversion" },
        [InfraContextKeys.CorsAllowedOrigins] = "[\"https://app.tradai.example\"]",
    });

    /// <summary>prod switched to the consolidated EC2 host with a Packer-built AMI.</summary>
    public static readonly InfraContext ProdConsolidatedCustomAmi = InfraContext.From(new Dictionary<string, object?>
    {
        [InfraContextKeys.Environment] = "prod",
        [InfraContextKeys.ConsolidatedMode] = true,
        [InfraContextKeys.CustomAmiId] = "ami-0123456789abcdef0",
    });

    private readonly string _root = Path.Combine(Path.GetTempPath(), "tradai-infra-tests-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<SynthesizedEnvironment>> _apps = new(StringComparer.Ordinal);

    public SynthesizedApps()
    {
        // jsii prints a banner for Node 20 unless told not to.
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
    }

    public SynthesizedEnvironment For(string environment) =>
        Get(environment, InfraContext.Empty.With(InfraContextKeys.Environment, DeploymentEnvironmentParser.Parse(environment, "test").ToName()));

    public SynthesizedEnvironment DevWithOverrides => Get("dev-overrides", DevOverrides);

    public SynthesizedEnvironment ProdWithCustomAmi => Get("prod-custom-ami", ProdConsolidatedCustomAmi);

    /// <summary>Variants synthesized so far with their times (for the timing report).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings =>
        _apps.Where(kv => kv.Value.IsValueCreated).ToDictionary(kv => kv.Key, kv => kv.Value.Value.SynthesisTime, StringComparer.Ordinal);

    private SynthesizedEnvironment Get(string name, InfraContext context) =>
        _apps.GetOrAdd(name, _ => new Lazy<SynthesizedEnvironment>(
            () => SynthesizedEnvironment.Synthesize(context, Path.Combine(_root, name)),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
