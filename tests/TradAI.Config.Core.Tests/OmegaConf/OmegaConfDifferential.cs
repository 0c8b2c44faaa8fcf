using System.Globalization;
using System.Text.Json.Nodes;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// Runs one case through this project (parser + merger + resolver, in process) and through OmegaConf, and says how
/// they differ: values compared strictly (types and mapping order included); where OmegaConf raises, this project
/// must raise a typed error (<see cref="TradaiException"/>) too. Any other exception is a bug and propagates.
/// </summary>
internal static class OmegaConfDifferential
{
    /// <summary>The number of generated cases: <c>TRADAI_OMEGACONF_CASES</c>, else <paramref name="byDefault"/>.</summary>
    public static int Cases(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("TRADAI_OMEGACONF_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : byDefault;

    /// <summary>The CsCheck seed to replay (<c>TRADAI_OMEGACONF_SEED</c>, printed by a failing run), else a fresh one.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("TRADAI_OMEGACONF_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>Parse, merge left to right and resolve, as <c>tradai config merge A B</c> does.</summary>
    public static (JsonNode? Value, string? Error) RunOurs(IReadOnlyList<string> docs)
    {
        try
        {
            var parsed = docs.Select((d, i) => YamlConfigReader.ParseMapping(d, $"doc{i + 1}")).ToList();
            var merged = ConfigMerger.Merge(parsed);
            var resolved = InterpolationResolver.Resolve(merged, OmegaConfOracle.LookupEnvironment);
            return (TypedValues.Encode(resolved), null);
        }
        catch (TradaiException ex)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Null when both sides agree; otherwise what each produced.</summary>
    public static string? CompareMerge(OmegaConfOracle oracle, IReadOnlyList<string> docs) => CompareMerge(oracle, docs, out _);

    /// <summary>As <see cref="CompareMerge(OmegaConfOracle, IReadOnlyList{string})"/>; <paramref name="bothFailed"/> tells an agreement on an error.</summary>
    public static string? CompareMerge(OmegaConfOracle oracle, IReadOnlyList<string> docs, out bool bothFailed)
    {
        var theirs = oracle.Merge(docs);
        var (value, error) = RunOurs(docs);
        bothFailed = error is not null && theirs["error"] is not null;
        return Compare(theirs, value, error);
    }

    /// <summary>Compares an oracle answer with this project's outcome.</summary>
    public static string? Compare(JsonObject theirs, JsonNode? value, string? error)
    {
        var theirError = theirs["error"]?.GetValue<string>();
        if (theirError is not null)
        {
            return error is not null ? null : $"OmegaConf raised {theirError}\nthis project returned {value!.ToJsonString()}";
        }

        var expected = theirs["ok"];
        if (error is not null)
        {
            return $"OmegaConf returned {expected!.ToJsonString()}\nthis project raised {error}";
        }

        return JsonNode.DeepEquals(expected, value) ? null : $"OmegaConf:     {expected!.ToJsonString()}\nthis project: {value!.ToJsonString()}";
    }
}
