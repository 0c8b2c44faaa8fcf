namespace TradAI.Config.Web.Api;

/// <summary>The request itself is unusable (bad parameter, header, body or media type): answered with <see cref="Status"/>, never a store call.</summary>
internal sealed class RequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
