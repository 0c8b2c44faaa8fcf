using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Hosting.Configuration;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Scheduling;

namespace TradAI.Config.Hosting.Secrets;

/// <summary>
/// Feeds the <c>AddTradaiSecrets</c> providers. The first read happens in <see cref="StartingAsync"/> (a secret that
/// cannot be read stops the host unless its mapping is optional); then every secret is re-read from the store on the
/// shared <see cref="CachingSecretStore"/>'s time-to-live — which also refreshes the cache every other consumer reads —
/// and configuration reloads only when a value changed. A secret that fails keeps its last good values, and the wait
/// doubles up to four TTLs while reads fail. Logs and results carry secret names and version ids, never values.
/// </summary>
internal sealed class TradaiSecretsRefresher(IServiceProvider services) : IHostedLifecycleService, ITradaiSecretsRefresher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, SecretData> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ILogger _logger = HostingLog.For(services, HostingLog.Secrets);
    private readonly Lazy<TradaiSecretsConfigurationProvider[]> _providers = new(() =>
        [.. TradaiConfigurationProviders.Find<TradaiSecretsConfigurationProvider>(services.GetService<IConfiguration>())]);

    private Task _loop = Task.CompletedTask;
    private int _failedRounds;

    /// <summary>Test seam: raised after every round.</summary>
    internal event Action<TradaiSecretsRefreshResult>? Refreshed;

    /// <summary>Test seam: raised when the loop has armed its timer, with the delay and the wait itself.</summary>
    internal event Action<TimeSpan, Task>? Waiting;

    private IEnumerable<string> SecretNames => _providers.Value.SelectMany(p => p.Mappings).Select(m => m.SecretName).Distinct(StringComparer.Ordinal);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_providers.Value.Length == 0)
        {
            return;
        }

        var result = await RefreshNowAsync(cancellationToken).ConfigureAwait(false);
        var required = _providers.Value.Where(p => !p.Optional).SelectMany(p => p.Mappings).Select(m => m.SecretName).ToHashSet(StringComparer.Ordinal);
        var fatal = result.Failures.Where(f => required.Contains(f.Key)).ToList();
        if (fatal.Count > 0)
        {
            throw new ExternalServiceException(
                "secrets",
                $"cannot start: {string.Join("; ", fatal.Select(f => f.Value))} (mapped by AddTradaiSecrets; set Optional to start without)");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_providers.Value.Length > 0)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<TradaiSecretsRefreshResult> RefreshNowAsync(CancellationToken cancellationToken = default)
    {
        var providers = _providers.Value;
        if (providers.Length == 0)
        {
            return new TradaiSecretsRefreshResult([], new Dictionary<string, string>());
        }

        var cache = services.GetRequiredService<CachingSecretStore>();
        var instruments = services.GetRequiredService<HostingInstruments>();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changed = new List<string>();
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in SecretNames)
            {
                SecretData fresh;
                try
                {
                    fresh = await cache.RefreshAsync(name, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // ISecretStore errors name the secret and never carry its value; anything else is reduced to its type.
                    var kind = ex is TradaiException typed ? typed.Kind : ErrorKind.ExternalService;
                    var reason = ex is TradaiException ? ex.Message : $"secret {InputSanitizer.Sanitize(name)}: {ex.GetType().Name}";
                    failures[name] = reason;
                    _failures[name] = _failures.GetValueOrDefault(name) + 1;
                    HostingLog.SecretRefreshFailed(_logger, name, kind, reason, _failures[name]);
                    instruments.SecretRefreshed(name, "failed");
                    continue;
                }

                _failures.Remove(name);
                if (_applied.TryGetValue(name, out var previous) && Same(previous, fresh))
                {
                    instruments.SecretRefreshed(name, "unchanged");
                    continue;
                }

                _applied[name] = fresh;
                changed.Add(name);
                HostingLog.SecretChanged(_logger, name, fresh.VersionId ?? "n/a", fresh.Count);
                instruments.SecretRefreshed(name, "changed");
            }

            if (changed.Count > 0)
            {
                foreach (var provider in providers)
                {
                    provider.Apply(_applied, (secret, key, target) => HostingLog.SecretKeyMissing(_logger, secret, key, target));
                }
            }

            Volatile.Write(ref _failedRounds, failures.Count > 0 ? _failedRounds + 1 : 0);
            var result = new TradaiSecretsRefreshResult(changed, failures);
            Refreshed?.Invoke(result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private Task RunAsync(CancellationToken stopping)
    {
        var ttl = services.GetRequiredService<CachingSecretStore>().TimeToLive;
        return PollingLoop.RunAsync(
            () => RefreshSchedule.NextDelay(ttl, jitter: 0, ttl * 4, Volatile.Read(ref _failedRounds), random: 0),
            ct => RefreshNowAsync(ct),
            services.GetRequiredService<TimeProvider>(),
            (delay, wait) => Waiting?.Invoke(delay, wait),
            stopping);
    }

    /// <summary>Same version id when the store has one; else the same members with the same values.</summary>
    private static bool Same(SecretData a, SecretData b)
    {
        if (a.VersionId is not null && b.VersionId is not null)
        {
            return string.Equals(a.VersionId, b.VersionId, StringComparison.Ordinal);
        }

        return a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(kv.Value, v, StringComparison.Ordinal));
    }
}
