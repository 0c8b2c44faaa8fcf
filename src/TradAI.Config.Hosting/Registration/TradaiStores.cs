using Microsoft.Extensions.Options;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// The stores of the selected backend, each created on first use and at most once (a service that never reads
/// secrets never builds a secret store). The DI registrations of the ports all read from here.
/// </summary>
internal sealed class TradaiStores : IDisposable
{
    private readonly TradaiConfigOptions _options;
    private readonly CreatedOnce<TradaiBackend> _backend;
    private readonly CreatedOnce<IConfigRepository> _configs;
    private readonly CreatedOnce<IConfigVersionRepository> _versions;
    private readonly CreatedOnce<ISecretStore> _secrets;

    public TradaiStores(IOptions<TradaiConfigOptions> options, IEnumerable<TradaiBackend> backends, IServiceProvider services)
    {
        _options = options.Value;
        var registered = backends.ToArray();
        _backend = new(() => Select(_options.Backend, registered));
        _configs = new(() => _backend.Value.CreateConfigRepository(_options, services));
        _versions = new(() => _backend.Value.CreateVersionRepository(_options, services));
        _secrets = new(() => _backend.Value.CreateSecretStore(_options, services));
    }

    public TradaiBackend Backend => _backend.Value;

    public IConfigRepository ConfigRepository => _configs.Value;

    public IConfigVersionRepository VersionRepository => _versions.Value;

    /// <summary>The uncached secret store; services get it through the shared <see cref="CachingSecretStore"/>.</summary>
    public ISecretStore SecretStore => _secrets.Value;

    /// <summary>Which stores exist yet (the rest are built on first use).</summary>
    internal (bool Configs, bool Versions, bool Secrets) Created =>
        (_configs.ValueOrDefault is not null, _versions.ValueOrDefault is not null, _secrets.ValueOrDefault is not null);

    /// <summary>The backend named <paramref name="name"/> (the last registration wins), or a validation error that says how to register it.</summary>
    public static TradaiBackend Select(string? name, IReadOnlyList<TradaiBackend> registered)
    {
        for (var i = registered.Count - 1; i >= 0; i--)
        {
            if (string.Equals(registered[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return registered[i];
            }
        }

        var hint = name?.ToLowerInvariant() switch
        {
            TradaiConfigOptions.LocalBackend => " (call .UseLocal() from TradAI.Config.Local)",
            TradaiConfigOptions.AwsBackend => " (call .UseAws() from TradAI.Config.Aws)",
            _ => string.Empty,
        };
        var known = registered.Count == 0 ? "none" : string.Join(", ", registered.Select(b => b.Name).Distinct(StringComparer.OrdinalIgnoreCase));
        throw new ConfigValidationException(
            $"{TradaiConfigOptions.SectionName}:Backend is '{InputSanitizer.Sanitize(name)}' but no such backend is registered{hint}; registered: {known}");
    }

    public void Dispose()
    {
        // The ports handed to DI are disposed by the container; the raw secret store sits behind the cache and is ours.
        if (_secrets.ValueOrDefault is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
