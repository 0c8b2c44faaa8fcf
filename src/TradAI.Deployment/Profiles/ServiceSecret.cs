namespace TradAI.Deployment.Profiles;

/// <summary>
/// A secret ECS injects into a service's container, and the variable it lands in: the variable is the one the
/// service's settings type reads, so a container that starts has the secret where the service looks for it.
/// </summary>
/// <param name="Variable">The name after the service's prefix (<c>WEBSOCKET_SECRET_KEY</c>).</param>
/// <param name="Secret">Which secret.</param>
/// <param name="JsonField">For a JSON secret, the field injected (<c>password</c>); null injects the whole value.</param>
public sealed record ServiceSecret(string Variable, SecretKind Secret, string? JsonField = null);
