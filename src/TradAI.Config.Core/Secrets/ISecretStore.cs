namespace TradAI.Config.Core.Secrets;

/// <summary>
/// Where services read secrets from (SPEC §5): AWS Secrets Manager in the cloud, environment / <c>.env</c> / JSON files
/// locally. Secret names come from parameters or environment variables, never from source code.
/// </summary>
/// <remarks>
/// Failures follow SPEC §5.2 for every implementation: <see cref="Errors.ExternalServiceException"/> with
/// "Secret not found: …", "Access denied: …", "Invalid request: …" or "… not valid JSON", naming the secret and never
/// its value. <see cref="Errors.ExternalServiceException.ErrorCode"/> carries the AWS error code
/// (<c>ResourceNotFoundException</c>, …) so callers can branch on it.
/// </remarks>
public interface ISecretStore
{
    /// <summary>Reads a secret whose value is a JSON object and returns its members (SPEC §5.1).</summary>
    /// <exception cref="Errors.ExternalServiceException">Any failure of §5.2, or the store is unreachable.</exception>
    /// <exception cref="Errors.ConfigValidationException">The name is empty or malformed.</exception>
    Task<SecretData> GetSecretAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Rotation metadata of a secret (SPEC §5.3); never its value.</summary>
    /// <exception cref="Errors.ExternalServiceException">As for <see cref="GetSecretAsync"/>.</exception>
    Task<SecretRotationStatus> GetRotationStatusAsync(string name, CancellationToken cancellationToken = default);
}
