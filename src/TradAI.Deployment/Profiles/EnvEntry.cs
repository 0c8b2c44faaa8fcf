namespace TradAI.Deployment.Profiles;

/// <summary>One variable a service is given: its name after the service's prefix, and which fact it carries.</summary>
/// <param name="Variable">The name after the prefix (<c>S3_CONFIG_BUCKET</c> becomes <c>BACKEND_S3_CONFIG_BUCKET</c>).</param>
/// <param name="Value">Which fact.</param>
/// <param name="Target">The resource key, service name or literal the fact needs; null when it needs none.</param>
public sealed record EnvEntry(string Variable, EnvValueKind Value, string? Target = null)
{
    public static EnvEntry Of(string variable, EnvValueKind value) => new(variable, value);

    public static EnvEntry Bucket(string variable, string bucketKey) => new(variable, EnvValueKind.BucketName, bucketKey);

    public static EnvEntry BucketUri(string variable, string bucketKey) => new(variable, EnvValueKind.BucketUri, bucketKey);

    public static EnvEntry Table(string variable, string tableKey) => new(variable, EnvValueKind.TableName, tableKey);

    public static EnvEntry ServiceUrl(string variable, string service) => new(variable, EnvValueKind.ServiceUrl, service);

    public static EnvEntry Literal(string variable, string value) => new(variable, EnvValueKind.Literal, value);
}
