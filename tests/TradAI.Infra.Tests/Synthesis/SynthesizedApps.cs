using System.Collections.Concurrent;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Environments;
using TradAI.Infra.Tests.Linting;

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
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<CfnLintFinding>>> _lints = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lintGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();

    public SynthesizedApps()
    {
        // jsii prints a banner for Node 20 unless told not to.
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
    }

    public SynthesizedEnvironment For(string environment) =>
        Get(environment, InfraContext.Empty.With(InfraContextKeys.Environment, DeploymentEnvironmentParser.Parse(environment, "test").ToName()));

    public SynthesizedEnvironment DevWithOverrides => Get("dev-overrides", DevOverrides);

    public SynthesizedEnvironment ProdWithCustomAmi => Get("prod-custom-ami", ProdConsolidatedCustomAmi);

    /// <summary>
    /// cfn-lint's findings on a variant's four templates (<c>dev</c>, <c>staging</c>, <c>prod</c>, <c>dev-overrides</c>,
    /// <c>prod-custom-ami</c>). Linting starts in the background as soon as a variant is synthesized, one run at a
    /// time, so it overlaps the tests that follow instead of adding to them.
    /// </summary>
    public Task<IReadOnlyList<CfnLintFinding>> LintOf(string variant)
    {
        _ = variant switch
        {
            "dev-overrides" => DevWithOverrides,
            "prod-custom-ami" => ProdWithCustomAmi,
            _ => For(variant),
        };
        return _lints[variant];
    }

    /// <summary>Variants synthesized so far with their times (for the timing report).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings =>
        _apps.Where(kv => kv.Value.IsValueCreated).ToDictionary(kv => kv.Key, kv => kv.Value.Value.SynthesisTime, StringComparer.Ordinal);

    private SynthesizedEnvironment Get(string name, InfraContext context) =>
        _apps.GetOrAdd(name, _ => new Lazy<SynthesizedEnvironment>(
            () =>
            {
                var synth = SynthesizedEnvironment.Synthesize(context, Path.Combine(_root, name));
                _lints[name] = LintInBackground(synth.TemplateFiles);
                return synth;
            },
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private Task<IReadOnlyList<CfnLintFinding>> LintInBackground(IReadOnlyList<string> templates) => Task.Run(async () =>
    {
        await _lintGate.WaitAsync(_stop.Token);
        try
        {
            return await CfnLint.RunAsync(templates, _stop.Token);
        }
        finally
        {
            _lintGate.Release();
        }
    });

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Task.WaitAll([.. _lints.Values]);
        }
        catch (AggregateException)
        {
            // Cancelled or failed lints of a run that never asked for them.
        }

        _stop.Dispose();
        _lintGate.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
