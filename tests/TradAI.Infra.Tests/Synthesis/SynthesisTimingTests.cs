using AwesomeAssertions;

namespace TradAI.Infra.Tests.Synthesis;

/// <summary>Reports how long one environment's four stacks take to synthesize (jsii on Node), so the cost stays visible.</summary>
public sealed class SynthesisTimingTests(SynthesizedApps apps)
{
    [Fact]
    public void All_four_stacks_of_one_environment_synthesize_within_a_minute()
    {
        var synth = apps.For("staging");
        TestContext.Current.SendDiagnosticMessage($"staging: 4 stacks synthesized in {synth.SynthesisTime.TotalSeconds:F1} s");
        TestContext.Current.TestOutputHelper?.WriteLine($"staging: 4 stacks synthesized in {synth.SynthesisTime.TotalSeconds:F1} s");
        synth.SynthesisTime.Should().BeLessThan(TimeSpan.FromMinutes(1));
        synth.Stacks.InDeploymentOrder.Should().HaveCount(4);
    }
}
