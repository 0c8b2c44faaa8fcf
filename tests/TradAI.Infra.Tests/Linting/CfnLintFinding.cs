namespace TradAI.Infra.Tests.Linting;

/// <summary>One cfn-lint finding.</summary>
public sealed record CfnLintFinding(string Rule, string Level, string Message, string File, int Line)
{
    public override string ToString() => $"{Rule} ({Level}) {Path.GetFileName(Path.GetDirectoryName(File))}/{Path.GetFileName(File)}:{Line}: {Message}";
}
