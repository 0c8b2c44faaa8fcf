namespace TradAI.Config.Core.Repositories;

/// <summary>
/// How <see cref="ConfigRepositoryExtensions.UpdateAsync"/> retries a read-modify-write that lost a race: up to
/// <see cref="MaxAttempts"/> attempts with exponential backoff and full jitter between them.
/// </summary>
public sealed record UpdateRetryOptions
{
    /// <summary>50 attempts, 5 ms doubling to at most 250 ms: enough for dozens of writers racing on one config.</summary>
    public static UpdateRetryOptions Default { get; } = new();

    /// <summary>Attempts before giving up with a <see cref="Errors.ConflictException"/>.</summary>
    public int MaxAttempts { get; init; } = 50;

    /// <summary>The backoff ceiling after the first lost race; it doubles with every further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The largest backoff ceiling.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The random wait before attempt <paramref name="attempt"/> (2 and later).</summary>
    internal TimeSpan DelayBefore(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
