using System.Collections.Concurrent;

namespace TradAI.Config.Core.Secrets;

/// <summary>
/// Keeps secrets in memory for a time-to-live so services do not call the store per request, and still pick up
/// rotated values: after the TTL, or at once through <see cref="RefreshAsync"/> / <see cref="Invalidate"/>.
/// Concurrent misses for one name share a single fetch (no thundering herd when a TTL expires under load).
/// Failures are never cached. Rotation status is not cached (it is an operator query).
/// </summary>
public sealed class CachingSecretStore : ISecretStore
{
    private readonly ISecretStore _inner;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<SecretData>>> _inFlight = new(StringComparer.Ordinal);

    /// <param name="inner">The store that really reads secrets.</param>
    /// <param name="timeToLive">How long a value is served from memory; must be positive.</param>
    /// <param name="clock">Time source (tests pass a fake); <see cref="TimeProvider.System"/> when null.</param>
    public CachingSecretStore(ISecretStore inner, TimeSpan timeToLive, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _inner = inner;
        TimeToLive = timeToLive;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The default TTL: short enough to pick up a rotation within minutes.</summary>
    public static TimeSpan DefaultTimeToLive { get; } = TimeSpan.FromMinutes(5);

    public TimeSpan TimeToLive { get; }

    public async Task<SecretData> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        SecretErrors.ValidateName(name);
        if (_entries.TryGetValue(name, out var entry) && _clock.GetUtcNow() < entry.ExpiresAt)
        {
            return entry.Value;
        }

        // One fetch per name at a time; it runs without the caller's token so one caller giving up does not fail the others.
        var fetch = new Lazy<Task<SecretData>>(() => FetchAsync(name));
        var shared = _inFlight.GetOrAdd(name, fetch);
        if (ReferenceEquals(shared, fetch))
        {
            // The caller that started the fetch arranges its removal, whoever is still waiting.
            _ = fetch.Value.ContinueWith(
                _ => _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<SecretData>>>(name, fetch)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the secret from the inner store now and replaces the cached value.</summary>
    public async Task<SecretData> RefreshAsync(string name, CancellationToken cancellationToken = default)
    {
        var value = await _inner.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        _entries[name] = new Entry(value, _clock.GetUtcNow() + TimeToLive);
        return value;
    }

    private async Task<SecretData> FetchAsync(string name)
    {
        var value = await _inner.GetSecretAsync(name, CancellationToken.None).ConfigureAwait(false);
        _entries[name] = new Entry(value, _clock.GetUtcNow() + TimeToLive);
        return value;
    }

    /// <summary>Forgets one cached secret; the next read goes to the store.</summary>
    public void Invalidate(string name) => _entries.TryRemove(name, out _);

    /// <summary>Forgets every cached secret.</summary>
    public void Clear() => _entries.Clear();

    public Task<SecretRotationStatus> GetRotationStatusAsync(string name, CancellationToken cancellationToken = default) =>
        _inner.GetRotationStatusAsync(name, cancellationToken);

    public override string ToString() => $"CachingSecretStore(ttl={TimeToLive}, cached={_entries.Count})";

    private sealed record Entry(SecretData Value, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"Entry({Value.Name}, expires {ExpiresAt:O})";
    }
}
