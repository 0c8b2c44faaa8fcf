using TradAI.Config.Core.Errors;

namespace TradAI.Config.MLflow.Client;

/// <summary>
/// Where and how to reach an MLflow tracking server (the spec's MLflowSettingsMixin: tracking URI, credentials,
/// verify_ssl). <see cref="ToString"/> never shows the password or token.
/// </summary>
public sealed record MlflowSettings
{
    /// <summary>Base URI of the tracking server, e.g. <c>https://mlflow.internal:5000</c>.</summary>
    public required Uri TrackingUri { get; init; }

    /// <summary>HTTP basic-auth user (with <see cref="Password"/>).</summary>
    public string? Username { get; init; }

    /// <summary>HTTP basic-auth password.</summary>
    public string? Password { get; init; }

    /// <summary>Bearer token; wins over basic auth when both are set (as in the MLflow client).</summary>
    public string? Token { get; init; }

    /// <summary>Skip TLS certificate verification (self-signed internal servers). Off by default.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Settings from <c>MLFLOW_TRACKING_URI</c>, <c>MLFLOW_TRACKING_USERNAME</c>/<c>MLFLOW_TRACKING_PASSWORD</c>,
    /// <c>MLFLOW_TRACKING_TOKEN</c> and <c>MLFLOW_TRACKING_INSECURE_TLS</c> (or <c>MLFLOW_INSECURE_TLS</c>);
    /// null when no tracking URI is configured.
    /// </summary>
    public static MlflowSettings? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;
        if (Env("MLFLOW_TRACKING_URI") is not { } uri)
        {
            return null;
        }

        var insecure = Env("MLFLOW_TRACKING_INSECURE_TLS") ?? Env("MLFLOW_INSECURE_TLS");
        return new MlflowSettings
        {
            TrackingUri = ParseUri(uri),
            Username = Env("MLFLOW_TRACKING_USERNAME"),
            Password = Env("MLFLOW_TRACKING_PASSWORD"),
            Token = Env("MLFLOW_TRACKING_TOKEN"),
            InsecureSkipTlsVerify = insecure is not null && (insecure.Equals("true", StringComparison.OrdinalIgnoreCase) || insecure == "1"),
        };
    }

    /// <summary>Parses a tracking URI, refusing anything but absolute http(s) URIs.</summary>
    public static Uri ParseUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigValidationException("mlflow_tracking_uri", $"'{InputSanitizer.Sanitize(value)}' is not an http(s) URL");
        }

        return uri;
    }

    public override string ToString() =>
        $"MlflowSettings({TrackingUri.GetLeftPart(UriPartial.Path)}, auth={(Token is not null ? "token" : Username is not null ? "basic" : "none")}, insecure_tls={InsecureSkipTlsVerify})";
}
