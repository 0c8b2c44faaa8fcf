namespace TradAI.Infra.Synthesis;

/// <summary>One stack of a cloud assembly: its CloudFormation name, its template file (relative to the assembly) and its resource count.</summary>
public sealed record SynthesizedStack(string StackName, string Template, int Resources);
