using TradAI.Config.Aws.Hosting;
using TradAI.Config.Hosting.Registration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the AWS backend with TradAI Config hosting.</summary>
public static class AwsTradaiConfigBuilderExtensions
{
    /// <summary>
    /// Makes <c>TradAI:Backend=aws</c> available: S3 configs, DynamoDB versions (one GetItem per poll), Secrets Manager
    /// secrets, reached with <c>TradAI:Aws:Region</c>/<c>Profile</c>/<c>EndpointUrl</c> over the standard AWS environment.
    /// </summary>
    public static TradaiConfigBuilder UseAws(this TradaiConfigBuilder builder, Action<AwsTradaiBackendOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AwsTradaiBackendOptions();
        configure?.Invoke(options);
        return builder.AddBackend(new AwsTradaiBackend(options));
    }
}
