using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Aws.Clients;

/// <summary>
/// The one place that turns <see cref="AwsClientOptions"/> into SDK clients, so every AWS part
/// (S3 store, version table, secrets, settings' S3_CONFIG, the CLI) resolves region, profile,
/// endpoint and credentials the same way.
/// </summary>
public sealed class AwsClientFactory(AwsClientOptions options)
{
    /// <summary>Region used to sign requests when only an endpoint override is given.</summary>
    public const string FallbackRegion = "us-east-1";

    public AwsClientOptions Options { get; } = options;

    /// <summary>Builds an S3 client; with an endpoint override it uses path-style addressing, as emulators need.</summary>
    public IAmazonS3 CreateS3()
    {
        var config = new AmazonS3Config();
        Configure(config);
        if (Options.EndpointUrl is not null)
        {
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(ResolveCredentials(), config);
    }

    /// <summary>Builds a DynamoDB client.</summary>
    public IAmazonDynamoDB CreateDynamoDB()
    {
        var config = new AmazonDynamoDBConfig();
        Configure(config);
        return new AmazonDynamoDBClient(ResolveCredentials(), config);
    }

    /// <summary>Applies region and endpoint to any SDK client config (also used for the hand-written Secrets Manager client).</summary>
    public void Configure(ClientConfig config)
    {
        if (Options.EndpointUrl is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new ConfigValidationException("endpoint_url", $"'{InputSanitizer.Sanitize(endpoint)}' is not an http(s) URL");
            }

            // Setting RegionEndpoint after ServiceURL would wipe ServiceURL: sign with AuthenticationRegion instead.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = ResolveRegionName();
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(ResolveRegionName());
        }
    }

    /// <summary>The region in force: explicit, then the profile's, then the environment, then <see cref="FallbackRegion"/>.</summary>
    public string ResolveRegionName()
    {
        if (Options.Region is { Length: > 0 } region)
        {
            return region;
        }

        if (Options.Profile is { } profile && new CredentialProfileStoreChain().TryGetProfile(profile, out var p) && p.Region is not null)
        {
            return p.Region.SystemName;
        }

        return FallbackRegionEndpoint()?.SystemName ?? FallbackRegion;
    }

    /// <summary>Credentials in force: explicit, then the named profile, then the SDK's default chain.</summary>
    public AWSCredentials ResolveCredentials()
    {
        if (Options.Credentials is { } credentials)
        {
            return credentials;
        }

        if (Options.Profile is { } profile)
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile))
            {
                return fromProfile;
            }

            throw new ExternalServiceException("aws", $"AWS profile '{InputSanitizer.Sanitize(profile)}' was not found in the shared config or credentials files");
        }

        if (Options.EndpointUrl is not null && Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null or "")
        {
            // Emulators accept any key; don't probe the instance-metadata service to talk to them.
            return new BasicAWSCredentials("local", "local");
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw new ExternalServiceException("aws", "No AWS credentials found (set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run on an AWS role)", ex);
        }
    }

    private static RegionEndpoint? FallbackRegionEndpoint()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
