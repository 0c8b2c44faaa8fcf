using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Versioning;

/// <summary>
/// Which version the caller saw active when it decided to activate or roll back (HTTP <c>If-Match</c>, a console form).
/// Stores check it inside the same atomic step as the change, so two callers who saw the same active version cannot
/// both go ahead: one wins, the other gets <see cref="PreconditionFailedException"/> and nothing changes.
/// </summary>
/// <param name="ConfigId">The config id expected to be active; null means "no version is active".</param>
public sealed record ActivePrecondition(string? ConfigId)
{
    /// <summary>Expect that no version of the strategy is active.</summary>
    public static ActivePrecondition NoneActive { get; } = new((string?)null);

    /// <summary>Expect <paramref name="configId"/> to be the active version.</summary>
    /// <exception cref="ConfigValidationException">The id is not of the form <c>v{N}-{hash[:8]}</c>.</exception>
    public static ActivePrecondition Active(string configId) => new(ConfigVersionId.Validate(configId));

    /// <summary>Whether <paramref name="active"/> (the active version as the store sees it now) is the expected one.</summary>
    public bool IsMetBy(ConfigVersion? active) => string.Equals(active?.ConfigId, ConfigId, StringComparison.Ordinal);

    /// <summary>Throws unless <paramref name="active"/> is the expected active version.</summary>
    /// <exception cref="PreconditionFailedException">Another version is active (or none is) than the caller expected.</exception>
    public void Check(string strategyName, ConfigVersion? active)
    {
        if (!IsMetBy(active))
        {
            throw new PreconditionFailedException(
                $"strategy '{InputSanitizer.Sanitize(strategyName)}': expected {Describe(ConfigId)} to be active, but {Describe(active?.ConfigId)} is; "
                + "someone changed it in the meantime: review the new state and try again");
        }
    }

    private static string Describe(string? configId) => configId is null ? "no version" : InputSanitizer.Sanitize(configId);
}
