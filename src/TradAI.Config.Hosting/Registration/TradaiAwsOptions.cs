namespace TradAI.Config.Hosting.Registration;

/// <summary>
/// The <c>TradAI:Aws</c> section, as plain values so the hosting package needs no AWS reference; the AWS adapter
/// overlays them on the standard environment (<c>AWS_REGION</c>, <c>AWS_PROFILE</c>, <c>AWS_ENDPOINT_URL…</c>).
/// </summary>
public sealed class TradaiAwsOptions
{
    /// <summary>Region name such as <c>eu-west-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Named profile from the shared credentials file.</summary>
    public string? Profile { get; set; }

    /// <summary>Endpoint override for every AWS service (emulators, VPC endpoints).</summary>
    public string? EndpointUrl { get; set; }
}
