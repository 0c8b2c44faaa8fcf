using Amazon.CDK;
using TradAI.Infra.Context;

namespace TradAI.Infra.Cdk;

/// <summary>Reads our keys from the CDK context (cdk.json and <c>-c key=value</c>); jsii hands lists over as object arrays.</summary>
internal static class CdkContextReader
{
    public static InfraContext Read(App app) => InfraContext.From(
        InfraContextKeys.All.Select(k => new KeyValuePair<string, object?>(k.Key, app.Node.TryGetContext(k.Key))));
}
