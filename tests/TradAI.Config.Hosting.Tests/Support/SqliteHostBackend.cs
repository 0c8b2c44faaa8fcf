using Microsoft.Extensions.DependencyInjection;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Local.Versioning;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>The embedded default: a store folder with its SQLite version store. The outage puts a file where its <c>.tradai</c> folder was.</summary>
public sealed class SqliteHostBackend : HostBackend
{
    /// <param name="inMemoryFileSystem">Put the store on tmpfs (<c>/dev/shm</c>) when there is one: same SQLite, no disk flushes.</param>
    public SqliteHostBackend(bool inMemoryFileSystem = false)
        : base(inMemoryFileSystem && Directory.Exists("/dev/shm") ? "/dev/shm" : null)
    {
        Store = Path.Combine(Root, "store");
        Directory.CreateDirectory(Store);
        Repository = SqliteConfigVersionRepository.ForStore(Store);
    }

    /// <summary>The store folder (configs; versions in <c>.tradai/versions.db</c>).</summary>
    public string Store { get; }

    public override IConfigVersionRepository Repository { get; }

    public string DatabasePath => Path.Combine(Store, SqliteConfigVersionRepository.DefaultRelativePath);

    public override void Configure(TradaiConfigOptions options)
    {
        options.Backend = TradaiConfigOptions.LocalBackend;
        options.Store = "store"; // relative: resolved against the host's content root
    }

    public override void Register(TradaiConfigBuilder builder) => builder.UseLocal();

    /// <summary>The database folder moves away and a file takes its name: the store can be neither opened nor re-created.</summary>
    public override Task BreakAsync()
    {
        var folder = Path.Combine(Store, ".tradai");
        Directory.Move(folder, folder + "-away");
        File.WriteAllText(folder, "not a folder");
        return Task.CompletedTask;
    }

    public override Task RestoreAsync()
    {
        var folder = Path.Combine(Store, ".tradai");
        File.Delete(folder);
        Directory.Move(folder + "-away", folder);
        return Task.CompletedTask;
    }
}
