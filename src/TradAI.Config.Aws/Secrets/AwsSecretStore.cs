using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Aws.Secrets;

/// <summary>
/// <see cref="ISecretStore"/> over AWS Secrets Manager (SPEC §5). The client is built on first use, exactly once
/// even when many threads ask at the same time. Wrap it in <see cref="CachingSecretStore"/> to avoid a call per read.
/// </summary>
public sealed class AwsSecretStore : ISecretStore, IDisposable
{
    private readonly Func<SecretsManagerClient> _createClient;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile SecretsManagerClient? _client;

    /// <summary>A store whose client comes from <paramref name="options"/> (region, profile, endpoint, credentials).</summary>
    public AwsSecretStore(AwsClientOptions options, ILogger<AwsSecretStore>? logger = null)
        : this(() => new SecretsManagerClient(new AwsClientFactory(options)), logger)
    {
    }

    /// <summary>A store that builds its client with <paramref name="createClient"/> on first use (tests inject here).</summary>
    public AwsSecretStore(Func<SecretsManagerClient> createClient, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        _createClient = createClient;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The client, built on first use under a lock (double-checked), so concurrent first calls build one.</summary>
    public SecretsManagerClient Client
    {
        get
        {
            var client = _client;
            if (client is not null)
            {
                return client;
            }

            lock (_gate)
            {
                return _client ??= _createClient();
            }
        }
    }

    public async Task<SecretData> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        SecretErrors.ValidateName(name);
        var result = await Client.GetSecretValueAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.SecretString is null)
        {
            throw SecretErrors.NotJson(
                SecretsManagerClient.ServiceName,
                name,
                result.IsBinary ? "it is a binary secret; only SecretString JSON is supported" : "it has no SecretString");
        }

        var data = SecretErrors.ParseObject(SecretsManagerClient.ServiceName, name, result.SecretString, result.VersionId);
        _logger.LogDebug("Read secret {SecretName} version {VersionId} ({KeyCount} keys)", name, result.VersionId, data.Count);
        return data;
    }

    public Task<SecretRotationStatus> GetRotationStatusAsync(string name, CancellationToken cancellationToken = default)
    {
        SecretErrors.ValidateName(name);
        return Client.DescribeSecretAsync(name, cancellationToken);
    }

    public void Dispose() => _client?.Dispose();

    public override string ToString() => _client is null ? "AwsSecretStore(client not built)" : $"AwsSecretStore({_client})";
}
