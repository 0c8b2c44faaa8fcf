using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;

namespace TradAI.Config.Aws.Hosting;

/// <summary>
/// The cloud backend (<c>TradAI:Backend=aws</c>): configs in S3 (<c>TradAI:Bucket</c>/<c>Prefix</c>), versions in
/// DynamoDB (<c>TradAI:VersionsTable</c>), secrets in Secrets Manager. <c>TradAI:Aws:Region</c>/<c>Profile</c>/<c>EndpointUrl</c>
/// are laid over the standard AWS environment, as the <c>tradai</c> CLI's <c>--region</c>/<c>--profile</c>/<c>--endpoint-url</c> are.
/// </summary>
internal sealed class AwsTradaiBackend(AwsTradaiBackendOptions backendOptions) : TradaiBackend(TradaiConfigOptions.AwsBackend)
{
    private const string Section = TradaiConfigOptions.SectionName;

    public override IEnumerable<string> Validate(TradaiConfigOptions options)
    {
        var problems = new List<string>();
        if (options.Aws.EndpointUrl is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{Section}:Aws:EndpointUrl '{InputSanitizer.Sanitize(endpoint)}' is not an http(s) URL");
        }

        if (options.VersionsTable is { } table
            && (table.Length is < 3 or > 255 || !table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            problems.Add($"{Section}:VersionsTable '{InputSanitizer.Sanitize(table)}' is not a DynamoDB table name (3-255 letters, digits, '_', '-', '.')");
        }

        try
        {
            S3ConfigRepositoryOptions.FromEnvironment(options.Bucket, options.Prefix);
        }
        catch (ConfigValidationException ex)
        {
            problems.AddRange(ex.Problems.Select(p => $"{Section}:{(p.Path == "bucket" ? "Bucket" : p.Path == "prefix" ? "Prefix" : p.Path)}: {p.Message}"));
        }

        return problems;
    }

    public override IConfigRepository CreateConfigRepository(TradaiConfigOptions options, IServiceProvider services) =>
        S3ConfigRepository.Create(ClientOptions(options, "s3"), S3ConfigRepositoryOptions.FromEnvironment(options.Bucket, options.Prefix));

    public override IConfigVersionRepository CreateVersionRepository(TradaiConfigOptions options, IServiceProvider services)
    {
        var client = backendOptions.DynamoDbClient?.Invoke(services) ?? new AwsClientFactory(ClientOptions(options, "dynamodb")).CreateDynamoDB();
        return new DynamoDbConfigVersionRepository(client, options.VersionsTable ?? DynamoDbVersionTable.DefaultTableNameFromEnvironment(), backendOptions.CreateVersionsTableIfMissing);
    }

    public override ISecretStore CreateSecretStore(TradaiConfigOptions options, IServiceProvider services) =>
        new AwsSecretStore(ClientOptions(options, "secrets_manager"), services.GetService<ILogger<AwsSecretStore>>());

    /// <summary>The standard environment for <paramref name="service"/>, with the <c>TradAI:Aws</c> values on top.</summary>
    internal static AwsClientOptions ClientOptions(TradaiConfigOptions options, string service) =>
        AwsClientOptions.FromEnvironment(service).OverlayWith(new AwsClientOptions
        {
            Region = NullIfEmpty(options.Aws.Region),
            Profile = NullIfEmpty(options.Aws.Profile),
            EndpointUrl = NullIfEmpty(options.Aws.EndpointUrl),
        });

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
