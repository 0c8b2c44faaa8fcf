using TradAI.Deployment.Profiles;

namespace TradAI.Infra.EnvFiles;

/// <summary>A secret a service's container is given: ECS reads it from Secrets Manager into <paramref name="Name"/> at start.</summary>
/// <param name="Name">Variable name, with the service's prefix (<c>BACKEND_WEBSOCKET_SECRET_KEY</c>).</param>
/// <param name="Secret">Which secret.</param>
/// <param name="SecretName">The secret's name in Secrets Manager (<c>tradai-ws-secret-key-dev</c>).</param>
/// <param name="JsonField">For a JSON secret, the field injected; null for the whole value.</param>
public sealed record EnvFileSecret(string Name, SecretKind Secret, string SecretName, string? JsonField)
{
    /// <summary>Where the value comes from, for people: <c>secretsmanager:tradai-rds-credentials-dev#password</c>.</summary>
    public string Origin => "secretsmanager:" + SecretName + (JsonField is null ? string.Empty : "#" + JsonField);
}
