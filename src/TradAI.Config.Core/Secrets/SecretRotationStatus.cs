using System.Globalization;

namespace TradAI.Config.Core.Secrets;

/// <summary>Rotation metadata of one secret (SPEC §5.3). Holds no secret value, so it is safe to log and print.</summary>
/// <param name="Name">The secret's name.</param>
/// <param name="RotationEnabled">Whether automatic rotation is on.</param>
/// <param name="RotationLambdaArn">The rotation function, when one is configured (null for managed rotation).</param>
/// <param name="RotationIntervalDays">The rotation rule's <c>AutomaticallyAfterDays</c>, when set.</param>
/// <param name="LastRotatedDate">When the secret last rotated, if ever.</param>
/// <param name="NextRotationDate">When it rotates next, if scheduled.</param>
public sealed record SecretRotationStatus(
    string Name,
    bool RotationEnabled,
    string? RotationLambdaArn,
    int? RotationIntervalDays,
    DateTimeOffset? LastRotatedDate,
    DateTimeOffset? NextRotationDate)
{
    /// <summary>A store without rotation (local files, environment variables).</summary>
    public static SecretRotationStatus NotRotated(string name, DateTimeOffset? lastChanged = null) =>
        new(name, false, null, null, lastChanged, null);

    /// <summary>The SPEC §5.3 shape: snake_case keys, dates as ISO 8601 (round-trip, UTC) strings.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> ToSpecFields() =>
    [
        new("rotation_enabled", RotationEnabled),
        new("rotation_lambda_arn", RotationLambdaArn),
        new("rotation_interval_days", RotationIntervalDays),
        new("last_rotated_date", Iso(LastRotatedDate)),
        new("next_rotation_date", Iso(NextRotationDate)),
    ];

    /// <summary>ISO 8601 in UTC (<c>2026-11-26T09:30:00.0000000+00:00</c>), or null.</summary>
    public static string? Iso(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
