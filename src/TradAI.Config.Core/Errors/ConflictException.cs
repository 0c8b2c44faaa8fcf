namespace TradAI.Config.Core.Errors;

/// <summary>The request contradicts the current state: it exists already, the transition is illegal, or a concurrent writer won.</summary>
public class ConflictException : TradaiException
{
    public ConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override ErrorKind Kind => ErrorKind.Conflict;
}
