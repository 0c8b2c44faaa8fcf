using TradAI.Deployment.Environments;

namespace TradAI.Deployment.Naming;

/// <summary>The <c>{project}-{name}-{env}</c> convention (SPEC §3.1) every deployed resource is named by.</summary>
public static class ResourceNames
{
    /// <summary>The project prefix when no <c>project_name</c> / <c>PROJECT_NAME</c> is given.</summary>
    public const string DefaultProject = "tradai";

    /// <summary>The name of resource <paramref name="key"/> of <paramref name="project"/> in <paramref name="environment"/>.</summary>
    public static string Of(string project, string key, DeploymentEnvironment environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return $"{project}-{key}-{environment.ToName()}";
    }

    /// <summary>The config bucket (<c>tradai-configs-dev</c>).</summary>
    public static string ConfigBucket(DeploymentEnvironment environment, string project = DefaultProject) =>
        Of(project, ResourceKeys.Buckets.Configs, environment);

    /// <summary>The config-versions table (<c>tradai-config-versions-dev</c>).</summary>
    public static string VersionsTable(DeploymentEnvironment environment, string project = DefaultProject) =>
        Of(project, ResourceKeys.Tables.ConfigVersions, environment);

    /// <summary>The CloudFormation stack name of one of the four stacks (<c>tradai-persistent-dev</c>).</summary>
    public static string Stack(string stack, DeploymentEnvironment environment, string project = DefaultProject) =>
        Of(project, stack, environment);
}
