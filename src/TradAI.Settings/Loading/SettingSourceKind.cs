namespace TradAI.Settings.Loading;

/// <summary>Where a setting's value came from, highest priority first.</summary>
public enum SettingSourceKind
{
    /// <summary>Passed explicitly in code (the loader's <c>Values</c>), Pydantic's init kwargs.</summary>
    Code,

    /// <summary>A merged config tree given to the loader (the spec's <c>from_hydra_cfg</c>).</summary>
    ConfigTree,

    /// <summary>An environment variable.</summary>
    EnvironmentVariable,

    /// <summary>A <c>.env</c> file (service-local before the root one).</summary>
    EnvFile,

    /// <summary>The YAML document named by <c>S3_CONFIG</c> (a local path or an <c>s3://</c> URL).</summary>
    S3Config,

    /// <summary>The field's default (possibly computed from the environment, or generated).</summary>
    Default,
}
