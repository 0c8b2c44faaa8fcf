namespace TradAI.Deployment.Profiles;

/// <summary>
/// What one service of the platform is, wherever it is seen from: its name (the same in <c>infra env --service</c>,
/// <c>settings show</c> and the ECS service), the prefix of its settings variables, its port and health path, its image
/// repository, the variables and secrets its container gets, and the access its task role is granted.
/// </summary>
/// <param name="Name">The service name (<c>backend</c>, <c>strategy-service</c>).</param>
/// <param name="EnvPrefix">Prefix of its settings variables (<c>BACKEND_</c>); the settings type reads under it.</param>
/// <param name="Port">Container port (the settings type's default port too).</param>
/// <param name="HealthCheckPath">HTTP path the load balancer and the container health check call.</param>
/// <param name="Repository">ECR repository key of its image (both trading services share <c>trading</c>).</param>
/// <param name="Environment">The variables its container is given, in env-file order.</param>
/// <param name="Secrets">The secrets its container is given.</param>
/// <param name="Permissions">The access its task role is granted.</param>
public sealed record ServiceProfile(
    string Name,
    string EnvPrefix,
    int Port,
    string HealthCheckPath,
    string Repository,
    IReadOnlyList<EnvEntry> Environment,
    IReadOnlyList<ServiceSecret> Secrets,
    IReadOnlyList<ServicePermission> Permissions)
{
    /// <summary>The full variable name of a name after the prefix (<c>S3_CONFIG_BUCKET</c> → <c>BACKEND_S3_CONFIG_BUCKET</c>).</summary>
    public string Variable(string suffix) => EnvPrefix + suffix;
}
