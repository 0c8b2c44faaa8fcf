using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Sources;

namespace TradAI.Settings.Loading;

/// <summary>
/// Builds immutable, validated settings from code values, a config tree, environment variables, env files,
/// the S3_CONFIG document and defaults (highest priority first). A failed load throws one
/// <see cref="ConfigValidationException"/> naming every failing field, the variables that set it, and why.
/// </summary>
public static class SettingsLoader
{
    private static readonly SettingsLoadOptions DefaultOptions = new();

    /// <summary>Loads and validates <typeparamref name="T"/>. An <c>s3://</c> S3_CONFIG is fetched on a pool thread; prefer <see cref="LoadAsync{T}"/> in async code.</summary>
    /// <exception cref="ConfigValidationException">Any field or rule failed.</exception>
    public static T Load<T>(SettingsLoadOptions? options = null)
        where T : class, ISettings<T> => Resolve<T>(options).Value;

    /// <summary>Loads and validates <typeparamref name="T"/>, fetching S3_CONFIG asynchronously.</summary>
    /// <exception cref="ConfigValidationException">Any field or rule failed.</exception>
    public static async Task<T> LoadAsync<T>(SettingsLoadOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, ISettings<T> => (await ResolveAsync<T>(options, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Builds <typeparamref name="T"/> from a merged config tree (the spec's <c>from_hydra_cfg</c>); environment and defaults still fill the rest.</summary>
    public static T FromConfig<T>(ConfigMapping tree, SettingsLoadOptions? options = null)
        where T : class, ISettings<T> => Load<T>((options ?? DefaultOptions) with { ConfigTree = tree });

    /// <summary>Resolves without throwing on validation problems (for <c>settings show</c>).</summary>
    public static SettingsResolution<T> Resolve<T>(SettingsLoadOptions? options = null)
        where T : class, ISettings<T> => new(Resolve(T.Schema, options));

    public static async Task<SettingsResolution<T>> ResolveAsync<T>(SettingsLoadOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, ISettings<T> => new(await ResolveAsync(T.Schema, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Resolves any schema (the CLI picks one by service name).</summary>
    public static SettingsResolution Resolve(SettingsSchema schema, SettingsLoadOptions? options = null)
    {
        var inputs = LoadInputs.Prepare(schema, options ?? DefaultOptions);
        if (inputs.S3Location is { } location)
        {
            // Start-up code is usually synchronous; run the read on the pool so no caller's context can deadlock it.
            var tree = Task.Run(() => S3ConfigReader.ReadAsync(location, inputs.BaseDirectory, options?.RemoteReader, inputs.RemoteEnvironment)).GetAwaiter().GetResult();
            inputs.S3 = new FlatConfig(tree, location);
        }

        return SettingsResolver.Run(schema, inputs);
    }

    public static async Task<SettingsResolution> ResolveAsync(SettingsSchema schema, SettingsLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = LoadInputs.Prepare(schema, options ?? DefaultOptions);
        if (inputs.S3Location is { } location)
        {
            var tree = await S3ConfigReader.ReadAsync(location, inputs.BaseDirectory, options?.RemoteReader, inputs.RemoteEnvironment, cancellationToken).ConfigureAwait(false);
            inputs.S3 = new FlatConfig(tree, location);
        }

        return SettingsResolver.Run(schema, inputs);
    }
}
