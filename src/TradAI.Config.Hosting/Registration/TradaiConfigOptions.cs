using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// The <c>TradAI</c> configuration section: where a service's configs, versions and secrets live and how often it
/// looks for a newly activated version. Bound by <c>AddTradaiConfig</c>, validated when the host starts.
/// </summary>
public sealed class TradaiConfigOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "TradAI";

    /// <summary>The embedded default backend: a folder of YAML, a SQLite version store, env / <c>.env</c> / JSON secrets.</summary>
    public const string LocalBackend = "local";

    /// <summary>The cloud backend: S3, DynamoDB and Secrets Manager.</summary>
    public const string AwsBackend = "aws";

    /// <summary>How often a service polls for a new active version unless told otherwise.</summary>
    public static TimeSpan DefaultRefreshInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Which registered backend serves the stores: <see cref="LocalBackend"/> (default) or <see cref="AwsBackend"/>.</summary>
    public string Backend { get; set; } = LocalBackend;

    /// <summary>Local backend: the store folder (YAML configs; versions in <c>.tradai/versions.db</c>), relative to the content root.</summary>
    public string Store { get; set; } = "configs";

    /// <summary>AWS backend: the S3 bucket of the config store (default <c>TRADAI_S3_BUCKET</c>, else <c>tradai-configs-{TRADAI_ENV}</c>).</summary>
    public string? Bucket { get; set; }

    /// <summary>AWS backend: the S3 key prefix of the config store.</summary>
    public string? Prefix { get; set; }

    /// <summary>AWS backend: the DynamoDB versions table (default <c>tradai-config-versions</c>).</summary>
    public string? VersionsTable { get; set; }

    /// <summary>AWS backend: region, profile and endpoint override; unset values fall back to the SDK's chain.</summary>
    public TradaiAwsOptions Aws { get; set; } = new();

    /// <summary>How often each strategy polls the version store (one get-active read per poll); jitter only shortens it.</summary>
    public TimeSpan RefreshInterval { get; set; } = DefaultRefreshInterval;

    /// <summary>How long secrets are served from memory; secrets mapped into configuration are re-read on this period.</summary>
    public TimeSpan SecretsCacheTtl { get; set; } = CachingSecretStore.DefaultTimeToLive;

    /// <summary>Local backend: the folder of <c>{name}.json</c> secrets (default <c>TRADAI_SECRETS_DIR</c>, else <c>./secrets</c>).</summary>
    public string? SecretsFolder { get; set; }

    /// <summary>Local backend: the <c>.env</c> file with <c>TRADAI_SECRET_*</c> variables (default <c>TRADAI_SECRETS_ENV_FILE</c>, else <c>./.env</c>).</summary>
    public string? SecretsEnvFile { get; set; }
}
