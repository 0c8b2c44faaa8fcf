using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// One store the hosting contract runs against: how a host is pointed at it, the store for the test's own writes
/// (through <see cref="ConfigVersionService"/>, or raw through the repository), and — for outage tests — how to take
/// it away and bring it back.
/// </summary>
public abstract class HostBackend : IAsyncDisposable
{
    private ConfigVersionService? _versions;

    protected HostBackend(string? parent = null)
    {
        Root = parent is null
            ? Directory.CreateTempSubdirectory("tradai-hosting-").FullName
            : Directory.CreateDirectory(Path.Combine(parent, "tradai-hosting-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    }

    /// <summary>A temporary folder for this backend: the host's content root.</summary>
    public string Root { get; }

    /// <summary>The store the test writes through (its own connection, not the host's).</summary>
    public abstract IConfigVersionRepository Repository { get; }

    public ConfigVersionService Versions => _versions ??= new ConfigVersionService(Repository);

    /// <summary>Points a host's <c>TradAI</c> options at this store.</summary>
    public abstract void Configure(TradaiConfigOptions options);

    /// <summary>Registers the adapter for this store on a host.</summary>
    public abstract void Register(TradaiConfigBuilder builder);

    /// <summary>Makes the store unreachable for the host (and the test).</summary>
    public virtual Task BreakAsync() => throw new NotSupportedException($"{GetType().Name} has no outage; use the outage backend");

    /// <summary>Brings the store back with its data.</summary>
    public virtual Task RestoreAsync() => throw new NotSupportedException($"{GetType().Name} has no outage; use the outage backend");

    public virtual ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
