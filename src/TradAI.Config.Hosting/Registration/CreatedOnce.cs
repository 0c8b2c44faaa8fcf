namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// A value built on first use, at most once even under concurrent first calls. Unlike <see cref="Lazy{T}"/> a failed
/// build is not cached: a store whose creation failed (credentials not yet available…) is tried again next time.
/// </summary>
internal sealed class CreatedOnce<T>(Func<T> create)
    where T : class
{
    private readonly Lock _gate = new();
    private volatile T? _value;

    public T Value
    {
        get
        {
            if (_value is { } value)
            {
                return value;
            }

            lock (_gate)
            {
                return _value ??= create();
            }
        }
    }

    /// <summary>The value if it was built, without building it.</summary>
    public T? ValueOrDefault => _value;
}
