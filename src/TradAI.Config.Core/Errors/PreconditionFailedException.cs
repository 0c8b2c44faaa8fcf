namespace TradAI.Config.Core.Errors;

/// <summary>
/// A conditional write lost a race: the stored document is no longer the one the caller read (or one exists where none
/// was expected). Callers re-read and retry; <see cref="Repositories.ConfigRepositoryExtensions.UpdateAsync"/> does so.
/// </summary>
public sealed class PreconditionFailedException : ConflictException
{
    public PreconditionFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
