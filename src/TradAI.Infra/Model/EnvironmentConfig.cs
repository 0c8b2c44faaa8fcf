using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;

namespace TradAI.Infra.Model;

/// <summary>Stack identity: which environment, which project, which region, and where the region came from.</summary>
/// <param name="Name">dev, staging or prod.</param>
/// <param name="ProjectName">Prefix of every resource name.</param>
/// <param name="Region">AWS region the stacks target.</param>
/// <param name="RegionSource">Where <paramref name="Region"/> came from: <c>context</c>, <c>env:AWS_REGION</c> or <c>default</c>.</param>
/// <param name="LocalExecutorAllowed">Whether services may run backtests with the LOCAL executor (dev only; the settings validator blocks it elsewhere).</param>
public sealed record EnvironmentConfig(
    DeploymentEnvironment Name,
    string ProjectName,
    string Region,
    string RegionSource,
    bool LocalExecutorAllowed)
{
    /// <summary>The <c>{project}-{name}-{env}</c> name of a resource.</summary>
    public string ResourceName(string name) => ResourceNames.Of(ProjectName, name, Name);

    /// <summary>The CloudFormation stack name of one of the four stacks.</summary>
    public string StackName(string stack) => ResourceNames.Stack(stack, Name, ProjectName);
}
