namespace TradAI.Config.Core.Errors;

/// <summary>
/// Base of every error TradAI Config raises on purpose. Messages are already sanitized:
/// they carry no secret values and no raw user input, so callers may show them as they are.
/// </summary>
public abstract class TradaiException : Exception
{
    protected TradaiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The category callers branch on (and the CLI maps to an exit code).</summary>
    public abstract ErrorKind Kind { get; }
}

/// <summary>The four categories of failure shared by every part of the system.</summary>
public enum ErrorKind
{
    /// <summary>The input is wrong: bad YAML, bad value, bad name, failed schema.</summary>
    Validation,

    /// <summary>The thing asked for does not exist.</summary>
    NotFound,

    /// <summary>The request contradicts the current state (exists already, illegal transition, lost race).</summary>
    Conflict,

    /// <summary>A store or service outside the process failed or refused.</summary>
    ExternalService,
}
