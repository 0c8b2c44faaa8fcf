namespace TradAI.Config.Core.Errors;

/// <summary>
/// A service outside the process (S3, DynamoDB, Secrets Manager, MLflow, the file system) failed.
/// The message names the operation and resource, never a secret value.
/// </summary>
public sealed class ExternalServiceException : TradaiException
{
    public ExternalServiceException(string service, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
    }

    /// <summary>Which service failed (<c>s3</c>, <c>dynamodb</c>, <c>secretsmanager</c>, <c>mlflow</c>, <c>filesystem</c>).</summary>
    public string Service { get; }

    /// <summary>The service's own error code when it gave one (<c>AccessDeniedException</c>).</summary>
    public string? ErrorCode { get; init; }

    public override ErrorKind Kind => ErrorKind.ExternalService;
}
