using Amazon.Runtime;

namespace TradAI.Config.Aws.Clients;

/// <summary>
/// Where and as whom to reach AWS: region, named profile, an endpoint override (emulators, VPC endpoints)
/// and optional explicit credentials. Unset values fall back to the SDK's own chain.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>Region name such as <c>eu-west-1</c>; null uses <c>AWS_REGION</c> / the profile / the SDK default.</summary>
    public string? Region { get; init; }

    /// <summary>Named profile from the shared credentials file; null uses the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Endpoint override, e.g. <c>http://127.0.0.1:8000</c> for DynamoDB Local.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Explicit credentials; when null the SDK's credential chain (env, profile, IMDS, ...) is used.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>
    /// Options from the standard environment: <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>,
    /// and <c>AWS_ENDPOINT_URL_{SERVICE}</c> then <c>AWS_ENDPOINT_URL</c> for the endpoint.
    /// </summary>
    public static AwsClientOptions FromEnvironment(string? service = null)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        var endpoint = service is null ? null : Env("AWS_ENDPOINT_URL_" + service.ToUpperInvariant());
        return new AwsClientOptions
        {
            Region = Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION"),
            Profile = Env("AWS_PROFILE"),
            EndpointUrl = endpoint ?? Env("AWS_ENDPOINT_URL"),
        };
    }

    /// <summary>Returns these options with the non-null values of <paramref name="overrides"/> applied on top.</summary>
    public AwsClientOptions OverlayWith(AwsClientOptions overrides) => new()
    {
        Region = overrides.Region ?? Region,
        Profile = overrides.Profile ?? Profile,
        EndpointUrl = overrides.EndpointUrl ?? EndpointUrl,
        Credentials = overrides.Credentials ?? Credentials,
    };
}
