using TradAI.Infra.Model;
using TradAI.Infra.Synthesis;

namespace TradAI.Infra.Resolution;

/// <summary>A resolved config with what it was resolved from (passed on to the CDK app when synthesizing).</summary>
public sealed record InfraWorkspaceResolution(InfraConfig Config, InfraSources Sources, CdkJson? CdkJson);
