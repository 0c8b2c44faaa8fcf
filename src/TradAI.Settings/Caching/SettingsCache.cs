using TradAI.Settings.Loading;

namespace TradAI.Settings.Caching;

/// <summary>
/// One settings instance per settings type per process, read from the real environment on first use.
/// Call <see cref="Configure{T}"/> before the first <see cref="Get{T}"/> to load from other options.
/// </summary>
public static class SettingsCache
{
    /// <summary>The process-wide instance of <typeparamref name="T"/>.</summary>
    /// <exception cref="Config.Core.Errors.ConfigValidationException">The settings are invalid (not cached; the next call retries).</exception>
    public static T Get<T>()
        where T : class, ISettings<T> => Holder<T>.Cache.Value;

    /// <summary>Sets the options of the process-wide instance; refused once it is loaded (settings are frozen).</summary>
    /// <exception cref="InvalidOperationException">The instance was already loaded.</exception>
    public static void Configure<T>(SettingsLoadOptions options)
        where T : class, ISettings<T>
    {
        lock (Holder<T>.Gate)
        {
            if (Holder<T>.Cache.IsLoaded)
            {
                throw new InvalidOperationException($"{typeof(T).Name} is already loaded; configure it before first use");
            }

            Holder<T>.Cache = new CachedSettings<T>(options);
        }
    }

    private static class Holder<T>
        where T : class, ISettings<T>
    {
        public static readonly Lock Gate = new();

        public static volatile CachedSettings<T> Cache = new();
    }
}
