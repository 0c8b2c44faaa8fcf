namespace TradAI.Config.Core.Errors;

/// <summary>The config, version, secret or model asked for does not exist.</summary>
public sealed class NotFoundException : TradaiException
{
    public NotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override ErrorKind Kind => ErrorKind.NotFound;
}
