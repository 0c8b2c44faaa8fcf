using TradAI.Config.Aws.Clients;
using TradAI.Settings.Loading;

namespace TradAI.Settings.Aws;

/// <summary>Lets a settings load read an <c>s3://</c> S3_CONFIG.</summary>
public static class SettingsLoadOptionsS3Extensions
{
    /// <summary>A copy of <paramref name="options"/> whose <c>s3://</c> S3_CONFIG is read from S3 (<see cref="S3SettingsDocumentReader"/>).</summary>
    /// <param name="options">The load options.</param>
    /// <param name="aws">Options laid over those read from the load's variables (endpoint, credentials), if any.</param>
    public static SettingsLoadOptions WithS3(this SettingsLoadOptions options, AwsClientOptions? aws = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { RemoteReader = new S3SettingsDocumentReader(aws) };
    }
}
