namespace TradAI.Config.Hosting.Diagnostics;

/// <summary>
/// The stable logger event ids of the hosting package (category <c>TradAI.Config.Hosting.*</c>), so alerts and log
/// filters can key on an id instead of message text. Ids never change meaning once shipped.
/// </summary>
public static class TradaiHostingEvents
{
    /// <summary>Information: a strategy's new active version was applied.</summary>
    public const int ConfigApplied = 13001;

    /// <summary>Warning: a refresh failed; the last good version is kept and the refresh is retried with backoff.</summary>
    public const int RefreshFailed = 13002;

    /// <summary>Information: refreshes succeed again after failing.</summary>
    public const int RefreshRecovered = 13003;

    /// <summary>Debug: a poll found the applied version still active.</summary>
    public const int RefreshUnchanged = 13004;

    /// <summary>Error: a non-optional strategy could not be loaded at start-up; the host does not start.</summary>
    public const int StartupFailed = 13005;

    /// <summary>Warning: an optional strategy could not be loaded at start-up; the host starts without it.</summary>
    public const int StartedWithoutConfig = 13006;

    /// <summary>Error: an <c>OnChange</c> listener threw; the other listeners still ran and the refresh is unaffected.</summary>
    public const int ChangeListenerFailed = 13007;

    /// <summary>Information: a secret mapped into configuration changed (name and version only, never a value).</summary>
    public const int SecretChanged = 13010;

    /// <summary>Warning: a secret could not be re-read; its last good values stay in configuration.</summary>
    public const int SecretRefreshFailed = 13011;

    /// <summary>Warning: a mapped key is missing from a secret (its name and the key only).</summary>
    public const int SecretKeyMissing = 13012;
}
