using AwesomeAssertions;
using TradAI.Infra.Tests.Synthesis;

namespace TradAI.Infra.Tests.Linting;

/// <summary>
/// cfn-lint over every synthesized template of dev, staging and prod (and the two override variants): no errors and
/// no warnings. Each one found was fixed at its source: the drain-hook Lambda on python3.9 (E2533) gave way to ECS
/// managed draining, the hard-coded zones (W3010) to <c>Fn::GetAZs</c>, the role entries CDK repeats in DependsOn
/// (W3005) are dropped. A warning that must stay is listed here with its reason; today the list is empty.
/// </summary>
public sealed class CfnLintTests(SynthesizedApps apps)
{
    /// <summary>Warnings that stay, by rule id, each with why (none).</summary>
    private static readonly Dictionary<string, string> DocumentedWarnings = new(StringComparer.Ordinal);

    public static TheoryData<string> Variants => ["dev", "staging", "prod", "dev-overrides", "prod-custom-ami"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_template_lints_without_errors_or_undocumented_warnings(string variant)
    {
        var findings = await apps.LintOf(variant);

        foreach (var finding in findings)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(finding.ToString());
        }

        findings.Where(f => f.Level == "Error").Should().BeEmpty("AWS would refuse or fail these templates");
        findings.Where(f => f.Level == "Warning" && !DocumentedWarnings.ContainsKey(f.Rule)).Should().BeEmpty("each warning is fixed or documented");
    }
}
