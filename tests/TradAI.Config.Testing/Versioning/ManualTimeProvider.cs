namespace TradAI.Config.Testing.Versioning;

/// <summary>A clock tests move by hand, so timestamps and TTLs can be asserted exactly.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts at <paramref name="start"/>, or at the current second (stores such as DynamoDB Local sweep expired TTLs).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        var now = start ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _utcTicks = now.UtcTicks;
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
