using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// Where configs, versions and secrets live. Each adapter package registers one through its <c>Use…</c> extension;
/// <see cref="TradaiConfigOptions.Backend"/> picks one by <see cref="Name"/>, so the hosting package never
/// references a store and a service can switch backends from configuration alone.
/// </summary>
public abstract class TradaiBackend
{
    /// <param name="name">The value of <see cref="TradaiConfigOptions.Backend"/> that selects this backend.</param>
    protected TradaiBackend(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The name <see cref="TradaiConfigOptions.Backend"/> selects this backend by (case-insensitive).</summary>
    public string Name { get; }

    /// <summary>Problems with <paramref name="options"/> for this backend, each naming its key; checked when the host starts.</summary>
    public virtual IEnumerable<string> Validate(TradaiConfigOptions options) => [];

    /// <summary>The store of named YAML configs. Called at most once, on first use.</summary>
    public abstract IConfigRepository CreateConfigRepository(TradaiConfigOptions options, IServiceProvider services);

    /// <summary>The config version store. Called at most once, on first use.</summary>
    public abstract IConfigVersionRepository CreateVersionRepository(TradaiConfigOptions options, IServiceProvider services);

    /// <summary>The secret store behind the shared cache. Called at most once, on first use.</summary>
    public abstract ISecretStore CreateSecretStore(TradaiConfigOptions options, IServiceProvider services);

    /// <summary>A path from configuration made absolute against the host's content root (else the current directory).</summary>
    protected static string ResolvePath(string path, IServiceProvider services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(services);
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath;
        return Path.GetFullPath(string.IsNullOrEmpty(root) ? path : Path.Combine(root, path));
    }

    public override string ToString() => $"TradaiBackend({Name})";
}
