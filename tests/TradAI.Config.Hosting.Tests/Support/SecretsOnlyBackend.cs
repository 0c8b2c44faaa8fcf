using Microsoft.Extensions.DependencyInjection;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// A host whose secrets live in a store the test runs: a local folder of JSON files, or Secrets Manager on moto.
/// No strategies, so no version store.
/// </summary>
public sealed class SecretsOnlyBackend : HostBackend
{
    private readonly string? _secretsManagerEndpoint;

    private SecretsOnlyBackend(string? secretsManagerEndpoint)
    {
        _secretsManagerEndpoint = secretsManagerEndpoint;
        SecretsFolder = Path.Combine(Root, "secrets");
        Directory.CreateDirectory(SecretsFolder);
    }

    public string SecretsFolder { get; }

    public override IConfigVersionRepository Repository => throw new NotSupportedException("secrets only");

    public static SecretsOnlyBackend Local() => new(null);

    public static SecretsOnlyBackend SecretsManager(string endpoint) => new(endpoint);

    /// <summary>Writes a local secret as the JSON file <c>secrets/{name}.json</c>.</summary>
    public void WriteLocal(string name, string json)
    {
        var path = Path.Combine(SecretsFolder, name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    public void DeleteLocal(string name) => File.Delete(Path.Combine(SecretsFolder, name + ".json"));

    public override void Configure(TradaiConfigOptions options)
    {
        options.SecretsCacheTtl = TimeSpan.FromMinutes(5);
        if (_secretsManagerEndpoint is null)
        {
            options.Backend = TradaiConfigOptions.LocalBackend;
            options.SecretsFolder = "secrets";
            options.SecretsEnvFile = "absent.env";
        }
        else
        {
            options.Backend = TradaiConfigOptions.AwsBackend;
            options.Aws.EndpointUrl = _secretsManagerEndpoint;
            options.Aws.Region = "us-east-1";
        }
    }

    public override void Register(TradaiConfigBuilder builder) => builder.UseLocal().UseAws();
}
