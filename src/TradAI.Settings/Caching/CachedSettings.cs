using TradAI.Settings.Loading;

namespace TradAI.Settings.Caching;

/// <summary>
/// Loads <typeparamref name="T"/> once and hands out the same immutable instance from any thread (Python's
/// <c>@lru_cache</c> on <c>get_settings()</c>). A failed load is not cached: the next call tries again.
/// </summary>
public sealed class CachedSettings<T>
    where T : class, ISettings<T>
{
    private readonly Func<T> _load;
    private readonly Lock _gate = new();
    private volatile T? _value;

    public CachedSettings(SettingsLoadOptions? options = null)
        : this(() => SettingsLoader.Load<T>(options))
    {
    }

    internal CachedSettings(Func<T> load)
    {
        _load = load;
    }

    /// <summary>The instance, loaded on first use.</summary>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">The settings are invalid.</exception>
    public T Value
    {
        get
        {
            var value = _value;
            if (value is not null)
            {
                return value;
            }

            lock (_gate)
            {
                return _value ??= _load();
            }
        }
    }

    public bool IsLoaded => _value is not null;
}
