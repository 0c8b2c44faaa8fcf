using System.Text.Json;
using System.Text.Json.Serialization;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Local.Tests.Versioning;

/// <summary>
/// One line of the crash worker's stdout protocol (<c>kind {json}</c>), written by the worker and read by
/// the crash tests (<c>SqliteCrashTests</c>); this file is linked into the worker, so both sides share one definition.
/// </summary>
/// <param name="Kind"><see cref="Committed"/>, <see cref="Refused"/>, <see cref="Written"/> or <see cref="Paused"/>.</param>
/// <param name="Op">The service call: create, activate, deprecate or rollback.</param>
/// <param name="Versions">For <see cref="Committed"/>: every version the call wrote or returned, as it returned them.</param>
internal sealed record CrashWorkerLine(string Kind, string Op, IReadOnlyList<VersionState> Versions)
{
    /// <summary>The call returned: its transaction committed (or it changed nothing, as a dedup does).</summary>
    public const string Committed = "committed";

    /// <summary>The store refused the call with a conflict: nothing changed.</summary>
    public const string Refused = "refused";

    /// <summary>The call's transaction has written and not committed; the worker waits there to be killed.</summary>
    public const string Written = "written";

    /// <summary>The worker committed what it was asked to and waits to be killed.</summary>
    public const string Paused = "paused";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>For <see cref="Written"/>: the status of every version as seen inside the open transaction.</summary>
    public IReadOnlyDictionary<string, ConfigVersionStatus>? Statuses { get; init; }

    /// <summary>For <see cref="Written"/>: the version-number counter as seen inside the open transaction.</summary>
    public long? NextVersionNumber { get; init; }

    public string Format() => Kind + " " + JsonSerializer.Serialize(this, Json);

    public static CrashWorkerLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return (space > 0 ? JsonSerializer.Deserialize<CrashWorkerLine>(line.AsSpan(space + 1), Json) : null)
            ?? throw new FormatException($"not a crash worker line: {line}");
    }
}
