using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace TradAI.Infra.Cdk;

/// <summary>
/// Drops one <c>DependsOn</c> entry CDK writes although the resource already references the target. A Lambda
/// function or state machine depends on its whole role construct (the role and its default policy, so it waits for
/// its permissions); the entry for the role itself repeats the <c>Fn::GetAtt</c> of its ARN (cfn-lint W3005).
/// </summary>
/// <remarks>
/// CDK turns construct dependencies into <c>DependsOn</c> only when the app is prepared for synthesis, after every
/// construct and aspect ran, so the list is rendered lazily from the final dependencies minus the referenced one.
/// </remarks>
internal sealed class RedundantDependency : DeputyBase, IListProducer
{
    private readonly CfnResource _resource;
    private readonly CfnResource _referenced;

    private RedundantDependency(CfnResource resource, CfnResource referenced)
    {
        _resource = resource;
        _referenced = referenced;
    }

    /// <summary>Renders <paramref name="resource"/>'s <c>DependsOn</c> without <paramref name="referenced"/>, which its properties already reference.</summary>
    public static void Drop(CfnResource resource, CfnResource referenced) =>
        resource.AddOverride("DependsOn", Lazy.UncachedList(new RedundantDependency(resource, referenced)));

    /// <summary>The remaining logical ids in CDK's order (by construct path); null leaves out an empty list.</summary>
    public string[]? Produce(IResolveContext context)
    {
        var remaining = _resource.ObtainResourceDependencies()
            .Where(d => d.Node.Path != _referenced.Node.Path)
            .OrderBy(d => d.Node.Path, StringComparer.Ordinal)
            .Select(d => d.LogicalId)
            .ToArray();
        return remaining.Length == 0 ? null : remaining;
    }
}
