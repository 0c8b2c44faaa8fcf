using TradAI.Config.Core.Errors;

namespace TradAI.Settings.Loading;

/// <summary>
/// The outcome of a load before it is accepted: every field with its source, and every problem.
/// <c>settings show</c> prints it even when invalid; <see cref="Settings"/> is non-null only when valid.
/// </summary>
public class SettingsResolution
{
    internal SettingsResolution(SettingsSchema schema, IReadOnlyList<ResolvedSetting> entries, IReadOnlyList<ValidationProblem> problems, object? settings, SettingSource? s3ConfigSource, string? s3ConfigLocation, IReadOnlyList<string> envFilesRead)
    {
        Schema = schema;
        Entries = entries;
        Problems = problems;
        UntypedSettings = settings;
        S3ConfigSource = s3ConfigSource;
        S3ConfigLocation = s3ConfigLocation;
        EnvFilesRead = envFilesRead;
    }

    public SettingsSchema Schema { get; }

    /// <summary>Every field in schema order, with its display value (secrets masked) and source.</summary>
    public IReadOnlyList<ResolvedSetting> Entries { get; }

    /// <summary>Every problem found; empty when valid.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    /// <summary>Where S3_CONFIG was named (a variable or env file), when it was.</summary>
    public SettingSource? S3ConfigSource { get; }

    /// <summary>The S3_CONFIG document read, when one was.</summary>
    public string? S3ConfigLocation { get; }

    /// <summary>Env files that existed and were read, highest priority first.</summary>
    public IReadOnlyList<string> EnvFilesRead { get; }

    internal object? UntypedSettings { get; }

    /// <summary>The one error listing every problem, or null when valid.</summary>
    public ConfigValidationException? ToException() =>
        IsValid ? null : new ConfigValidationException(Problems, $"{Schema.TypeName} is invalid ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")})");
}

/// <summary>A resolution of settings type <typeparamref name="T"/>.</summary>
public sealed class SettingsResolution<T> : SettingsResolution
    where T : class
{
    internal SettingsResolution(SettingsResolution inner)
        : base(inner.Schema, inner.Entries, inner.Problems, inner.UntypedSettings, inner.S3ConfigSource, inner.S3ConfigLocation, inner.EnvFilesRead)
    {
    }

    /// <summary>The settings, or null when invalid.</summary>
    public T? Settings => (T?)UntypedSettings;

    /// <summary>The settings.</summary>
    /// <exception cref="ConfigValidationException">Listing every failing field, the variables that set it, and why.</exception>
    public T Value => Settings ?? throw ToException()!;
}
