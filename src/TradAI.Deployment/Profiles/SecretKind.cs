namespace TradAI.Deployment.Profiles;

/// <summary>The Secrets Manager secrets a container can be given.</summary>
public enum SecretKind
{
    /// <summary>The WebSocket signing key (a plain string).</summary>
    WebSocketKey,

    /// <summary>The PostgreSQL credentials (JSON; an entry names the field it takes).</summary>
    DatabaseCredentials,
}
