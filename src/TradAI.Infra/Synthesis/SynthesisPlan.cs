using TradAI.Infra.Model;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Synthesis;

/// <summary>A checked synthesis, ready to run: the resolved config, the app to run and where it writes.</summary>
public sealed record SynthesisPlan(InfraConfig Config, CdkAppCommand App, string OutputDirectory, InfraSources Sources);
