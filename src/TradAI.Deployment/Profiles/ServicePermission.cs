namespace TradAI.Deployment.Profiles;

/// <summary>One grant to a service's task role: a resource (by kind and key) and the access level.</summary>
public sealed record ServicePermission(ResourceKind Resource, string Key, AccessLevel Access)
{
    public static ServicePermission Bucket(string key, AccessLevel access) => new(ResourceKind.Bucket, key, access);

    public static ServicePermission Table(string key, AccessLevel access) => new(ResourceKind.Table, key, access);
}
