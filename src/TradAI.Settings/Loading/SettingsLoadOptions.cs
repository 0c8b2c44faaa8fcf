using TradAI.Config.Core.Tree;
using TradAI.Settings.Fields;
using TradAI.Settings.Sources;

namespace TradAI.Settings.Loading;

/// <summary>
/// What a load reads. Every input can be injected (tests and the CLI never depend on the real process
/// environment); anything left null falls back to the process environment and the schema's env files.
/// </summary>
public sealed record SettingsLoadOptions
{
    /// <summary>Environment variables (names matched case-insensitively); null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Env files to read, highest priority first; each must exist. Null reads the schema's defaults if they exist.</summary>
    public IReadOnlyList<string>? EnvFiles { get; init; }

    /// <summary>Directory relative paths (env files, a local S3_CONFIG) are resolved against; null is the current directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Values given in code by field name: the highest priority (Pydantic's init kwargs).</summary>
    public IReadOnlyDictionary<string, object?>? Values { get; init; }

    /// <summary>A merged config tree whose keys are field names (the spec's <c>from_hydra_cfg</c>); ranks just below <see cref="Values"/>.</summary>
    public ConfigMapping? ConfigTree { get; init; }

    /// <summary>
    /// Reads an <c>s3://</c> S3_CONFIG (TradAI.Settings.Aws: <c>options.WithS3()</c>); without one, such a location
    /// is a validation error that says so. Local paths need none.
    /// </summary>
    public IRemoteSettingsDocumentReader? RemoteReader { get; init; }

    /// <summary>False skips S3_CONFIG even when it is set.</summary>
    public bool LoadS3Config { get; init; } = true;

    /// <summary>Returns a copy with one value set in code.</summary>
    public SettingsLoadOptions With<T>(SettingField<T> field, T value)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (Values is not null)
        {
            foreach (var (k, v) in Values)
            {
                values[k] = v;
            }
        }

        values[field.Name] = value;
        return this with { Values = values };
    }
}
