namespace TradAI.Settings.Loading;

/// <summary>Where one value came from: the kind, the exact place (variable name, file, key) and how to show it.</summary>
/// <param name="Kind">The source category.</param>
/// <param name="Location">The file path or config location (<c>/app/.env</c>, <c>s3://b/k.yaml</c>); null for variables, code and defaults.</param>
/// <param name="Key">The variable or key that held the value (<c>BACKEND_PORT</c>, <c>port</c>); null for defaults.</param>
/// <param name="Note">For defaults: <c>default</c>, or how the value was derived (<c>generated (dev)</c>).</param>
public sealed record SettingSource(SettingSourceKind Kind, string? Location, string? Key, string? Note = null)
{
    /// <summary>A short description for tables and error messages: <c>env BACKEND_PORT</c>, <c>.env file /a/.env (BACKEND_PORT)</c>.</summary>
    public override string ToString() => Kind switch
    {
        SettingSourceKind.Code => $"code ({Key})",
        SettingSourceKind.ConfigTree => $"config tree ({Key})",
        SettingSourceKind.EnvironmentVariable => $"env {Key}",
        SettingSourceKind.EnvFile => $"env file {Location} ({Key})",
        SettingSourceKind.S3Config => $"S3_CONFIG {Location} ({Key})",
        _ => Note ?? "default",
    };
}
