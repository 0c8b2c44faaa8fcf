namespace TradAI.Config.Core.Errors;

/// <summary>One problem found in a configuration, located by its dotted path.</summary>
/// <param name="Path">Where the problem is (<c>freqai.train_period_days</c>); empty for the document itself.</param>
/// <param name="Message">What is wrong and, where possible, what is expected.</param>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>
/// Input failed validation. Carries every problem found, not only the first,
/// so a user fixes a file in one round trip.
/// </summary>
public sealed class ConfigValidationException : TradaiException
{
    public ConfigValidationException(string message)
        : this([new ValidationProblem(string.Empty, message)])
    {
    }

    public ConfigValidationException(string path, string message)
        : this([new ValidationProblem(path, message)])
    {
    }

    public ConfigValidationException(IReadOnlyList<ValidationProblem> problems, string? summary = null, Exception? innerException = null)
        : base(BuildMessage(problems, summary), innerException)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    public override ErrorKind Kind => ErrorKind.Validation;

    private static string BuildMessage(IReadOnlyList<ValidationProblem> problems, string? summary)
    {
        if (problems.Count == 1 && summary is null)
        {
            return problems[0].ToString();
        }

        var head = summary ?? $"Configuration is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})";
        return head + ":" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
    }
}
