using TradAI.Infra.Model;

namespace TradAI.Infra.Synthesis;

/// <summary>A finished synthesis: the config it was for, the cloud assembly folder, how long the app ran, and the stacks it wrote.</summary>
public sealed record SynthesisResult(InfraConfig Config, string OutputDirectory, TimeSpan Elapsed, IReadOnlyList<SynthesizedStack> Stacks);
