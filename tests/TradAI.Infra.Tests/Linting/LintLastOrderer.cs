using Xunit.Sdk;
using Xunit.v3;

namespace TradAI.Infra.Tests.Linting;

/// <summary>
/// Runs the cfn-lint test class last, in the default order otherwise: the lints start in the background as each
/// variant is synthesized, so by then they have overlapped the other tests instead of being waited for up front.
/// </summary>
public sealed class LintLastOrderer : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections)
            .OrderBy(c => c.TestCollectionDisplayName.Contains(nameof(CfnLintTests), StringComparison.Ordinal) ? 1 : 0)];
}
