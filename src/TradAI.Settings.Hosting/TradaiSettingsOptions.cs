using TradAI.Settings.Loading;

namespace TradAI.Settings.Hosting;

/// <summary>How <c>AddTradaiSettings</c> loads a settings type inside a host.</summary>
public sealed class TradaiSettingsOptions
{
    /// <summary>Sources to read; by default the environment comes from the host's <c>IConfiguration</c> (see <see cref="UseConfiguration"/>).</summary>
    public SettingsLoadOptions LoadOptions { get; set; } = new();

    /// <summary>
    /// When <see cref="SettingsLoadOptions.Environment"/> is not given, read variables from the container's
    /// <c>IConfiguration</c> (whose keys <c>Backend:Port</c> also match <c>BACKEND_PORT</c>) instead of the process environment.
    /// </summary>
    public bool UseConfiguration { get; set; } = true;
}
