using Amazon.CDK;
using TradAI.Deployment.Environments;
using TradAI.Infra.Cdk.Stacks;
using TradAI.Infra.Model;

namespace TradAI.Infra.Cdk;

/// <summary>
/// The four stacks of one environment, wired by construct references: foundation ← persistent, foundation ← edge,
/// and compute on all three (it registers its services into the edge's target groups), so CloudFormation exports
/// carry every cross-stack name and nothing is hard-coded twice.
/// </summary>
public sealed record TradaiStacks(FoundationStack Foundation, PersistentStack Persistent, EdgeStack Edge, ComputeStack Compute)
{
    /// <summary>Stack names in deployment order.</summary>
    public IEnumerable<Stack> InDeploymentOrder => [Foundation, Persistent, Edge, Compute];

    /// <summary>Adds the four stacks of <paramref name="config"/> to <paramref name="app"/>.</summary>
    /// <param name="app">The CDK app.</param>
    /// <param name="config">The resolved environment config.</param>
    /// <param name="account">Target account, when known (the CDK CLI sets CDK_DEFAULT_ACCOUNT); null keeps the stacks account-agnostic.</param>
    public static TradaiStacks Create(App app, InfraConfig config, string? account = null)
    {
        var env = config.Environment;
        Tags.Of(app).Add("Project", env.ProjectName);
        Tags.Of(app).Add("Environment", env.Name.ToName());
        Tags.Of(app).Add("ManagedBy", "tradai-infra-cdk");

        StackProps Props(string stack, string description) => new()
        {
            StackName = env.StackName(stack),
            Description = $"TradAI {env.Name.ToName()}: {description}",
            Env = new Amazon.CDK.Environment { Region = env.Region, Account = account },
            TerminationProtection = env.Name == DeploymentEnvironment.Prod,
        };

        var foundation = new FoundationStack(app, "Foundation", config, Props("foundation", "VPC, security groups, service discovery, Cognito"));
        var persistent = new PersistentStack(app, "Persistent", config, foundation, Props("persistent", "S3, DynamoDB, ECR, RDS and secrets"));
        var edge = new EdgeStack(app, "Edge", config, foundation, Props("edge", "ALB and API Gateway"));
        var compute = new ComputeStack(app, "Compute", config, foundation, persistent, edge, Props("compute", "ECS, Lambdas, queue and workflow"));
        return new TradaiStacks(foundation, persistent, edge, compute);
    }
}
