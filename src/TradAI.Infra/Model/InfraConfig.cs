using TradAI.Config.Core.Collections;
using TradAI.Deployment.Environments;

namespace TradAI.Infra.Model;

/// <summary>
/// The resolved infrastructure configuration of one environment: every fact the four stacks, the CLI and the
/// services' env files need, in one immutable value. Built only by <see cref="Resolution.InfraConfigResolver"/>.
/// </summary>
public sealed record InfraConfig(
    EnvironmentConfig Environment,
    NetworkConfig Network,
    ValueList<ServiceConfig> Services,
    StorageConfig Storage,
    ComputeConfig Compute,
    EcrConfig Ecr,
    ApiConfig Api,
    AuthConfig Auth,
    SchedulesConfig Schedules)
{
    /// <summary>The environment this config was resolved for.</summary>
    public DeploymentEnvironment Env => Environment.Name;

    /// <summary>A service by name (<c>backend</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such service.</exception>
    public ServiceConfig Service(string name) =>
        Services.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no service '{name}'");
}
