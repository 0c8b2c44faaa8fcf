using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Aws.Versioning;

/// <summary>Turns SDK and transport failures into <see cref="ExternalServiceException"/>s that say what failed and what to do.</summary>
internal static class DynamoDbErrors
{
    /// <summary>The <see cref="ExternalServiceException.ErrorCode"/> of a missing table.</summary>
    public const string TableNotFound = DynamoDbVersionTable.MissingTableErrorCode;

    public static ExternalServiceException Map(string operation, Exception ex)
    {
        var op = InputSanitizer.Sanitize(operation);
        return ex switch
        {
            ResourceNotFoundException => new ExternalServiceException("dynamodb",
                $"DynamoDB: cannot {op}: the table does not exist", ex)
            { ErrorCode = TableNotFound },
            AmazonServiceException service => new ExternalServiceException("dynamodb",
                $"DynamoDB: cannot {op}: {service.ErrorCode ?? "error"} ({(int)service.StatusCode}): {InputSanitizer.Sanitize(service.Message)}", ex)
            { ErrorCode = service.ErrorCode },
            _ => new ExternalServiceException("dynamodb", $"DynamoDB: cannot {op}: {InputSanitizer.Sanitize(ex.Message)}", ex),
        };
    }

    /// <summary>Whether an exception is a store/transport failure (as opposed to a bug or a cancellation).</summary>
    public static bool IsStoreFailure(Exception ex) =>
        ex is AmazonClientException or AmazonServiceException or HttpRequestException or IOException
        || (ex is TaskCanceledException tce && tce.InnerException is TimeoutException);
}
