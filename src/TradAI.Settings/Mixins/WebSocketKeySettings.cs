using System.Security.Cryptography;
using TradAI.Deployment.Environments;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Secrets;
using TradAI.Settings.Services;

namespace TradAI.Settings.Mixins;

/// <summary>
/// The WebSocket signing key (SPEC §8): generated at start-up in dev when absent; in staging and prod it must be given
/// explicitly (at least <see cref="MinimumLength"/> characters). The stacks inject it from Secrets Manager into
/// <c>{PREFIX}WEBSOCKET_SECRET_KEY</c> of every service that includes this group.
/// </summary>
public static class WebSocketKeySettings
{
    /// <summary>Minimum key length outside dev.</summary>
    public const int MinimumLength = 32;

    /// <summary>The key field (<c>websocket_secret_key</c>).</summary>
    public static readonly SettingField<SecretString?> SecretKey = Setting.Secret("websocket_secret_key")
        .WithDefault(
            v => v.GetOrDefault(ServiceSettings.Fields.Environment, DeploymentEnvironment.Dev) == DeploymentEnvironment.Dev ? GenerateKey() : null,
            "generated at start-up (dev only)");

    /// <summary>The field and its environment rule, for a settings schema to include.</summary>
    public static SettingsGroup Group { get; } = new("websocket", [SecretKey], [ExplicitOutsideDev]);

    /// <summary>A fresh 256-bit key from the OS CSPRNG, base64url-encoded (43 characters).</summary>
    internal static SecretString GenerateKey()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return new SecretString(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    private static void ExplicitOutsideDev(SettingsRuleContext context)
    {
        if (!context.TryGet(ServiceSettings.Fields.Environment, out var env) || env == DeploymentEnvironment.Dev
            || !context.TryGet(SecretKey, out var key))
        {
            return;
        }

        if (key is null)
        {
            context.Fail(SecretKey, $"must be set explicitly in {env.ToName()} (it is generated only in dev)");
        }
        else if (key.Length < MinimumLength)
        {
            context.Fail(SecretKey, $"must be at least {MinimumLength} characters in {env.ToName()}");
        }
    }
}
