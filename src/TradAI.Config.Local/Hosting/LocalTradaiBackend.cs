using TradAI.Config.Core.Repositories;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Local.Secrets;
using TradAI.Config.Local.Storage;
using TradAI.Config.Local.Versioning;

namespace TradAI.Config.Local.Hosting;

/// <summary>
/// The embedded backend (<c>TradAI:Backend=local</c>): YAML files in <c>TradAI:Store</c>, versions in its
/// <c>.tradai/versions.db</c> (the same files the <c>tradai</c> CLI uses with <c>--store</c>), secrets from
/// <c>TRADAI_SECRET_*</c> variables, a <c>.env</c> file and a folder of JSON files.
/// </summary>
internal sealed class LocalTradaiBackend() : TradaiBackend(TradaiConfigOptions.LocalBackend)
{
    public override IEnumerable<string> Validate(TradaiConfigOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            yield return $"{TradaiConfigOptions.SectionName}:Store must name the store folder";
        }
    }

    public override IConfigRepository CreateConfigRepository(TradaiConfigOptions options, IServiceProvider services) =>
        new LocalConfigRepository(ResolvePath(options.Store, services));

    public override IConfigVersionRepository CreateVersionRepository(TradaiConfigOptions options, IServiceProvider services) =>
        SqliteConfigVersionRepository.ForStore(ResolvePath(options.Store, services));

    public override ISecretStore CreateSecretStore(TradaiConfigOptions options, IServiceProvider services)
    {
        var defaults = LocalSecretStoreOptions.FromEnvironment(options.SecretsFolder, options.SecretsEnvFile);
        return new LocalSecretStore(defaults with
        {
            Directory = defaults.Directory is { } directory ? ResolvePath(directory, services) : null,
            EnvFile = defaults.EnvFile is { } envFile ? ResolvePath(envFile, services) : null,
        });
    }
}
