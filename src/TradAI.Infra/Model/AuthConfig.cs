namespace TradAI.Infra.Model;

/// <summary>Authentication: the Cognito user pool and the WebSocket signing secret.</summary>
public sealed record AuthConfig(CognitoConfig Cognito, WsSecretConfig WsSecret);
