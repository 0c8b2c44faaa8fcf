namespace TradAI.Infra.Synthesis;

/// <summary>How one run of the CDK app ended: its exit code, what it wrote to stderr, and how long it took.</summary>
public sealed record CdkAppRun(int ExitCode, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The last lines of stderr without jsii's <c>!!</c> banners, for an error message.</summary>
    public string StderrTail(int lines = 15) =>
        string.Join(Environment.NewLine, Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith("!!", StringComparison.Ordinal)).TakeLast(lines));
}
