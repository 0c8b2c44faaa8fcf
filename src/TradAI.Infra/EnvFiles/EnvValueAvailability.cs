namespace TradAI.Infra.EnvFiles;

/// <summary>When a service setting's value can be known.</summary>
public enum EnvValueAvailability
{
    /// <summary>Follows from the config alone (names, ports, region).</summary>
    Known,

    /// <summary>Follows from the config plus the AWS account id (queue URLs, ARNs); absent until one is given.</summary>
    NeedsAccount,

    /// <summary>Assigned by AWS at deployment (a user pool id); read it from the named stack output.</summary>
    AfterDeployment,
}
