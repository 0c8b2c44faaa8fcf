using AwesomeAssertions;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Testing.Versioning;

/// <summary>The invariants every version store must keep, checked from the outside (also after crashes).</summary>
public static class ConfigVersionInvariants
{
    /// <summary>Reads every version of a strategy, page by page, newest first.</summary>
    public static async Task<List<ConfigVersion>> ListAllAsync(
        ConfigVersionService service, string strategy, ConfigVersionStatus? status = null, int pageSize = 100, CancellationToken ct = default)
    {
        var all = new List<ConfigVersion>();
        string? token = null;
        do
        {
            var page = await service.ListAsync(strategy, status, pageSize, token, ct);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }

    /// <summary>
    /// Unique numbers in newest-first order, at most one active version (and get-active agrees), unique live hashes,
    /// ids and hashes matching the content, status-consistent fields, and no half-applied activation.
    /// </summary>
    public static async Task<List<ConfigVersion>> AssertAsync(ConfigVersionService service, string strategy, CancellationToken ct = default)
    {
        var all = await ListAllAsync(service, strategy, ct: ct);
        all.Select(v => v.VersionNumber).Should().OnlyHaveUniqueItems();
        all.Select(v => v.VersionNumber).Should().BeInDescendingOrder();
        all.Count(v => v.Status == ConfigVersionStatus.Active).Should().BeLessThanOrEqualTo(1);
        all.Where(v => v.Status != ConfigVersionStatus.Deprecated).Select(v => v.ConfigHash).Should().OnlyHaveUniqueItems();
        foreach (var v in all)
        {
            v.ConfigId.Should().Be(ConfigVersionId.Format(v.VersionNumber, v.ConfigHash));
            v.ConfigHash.Should().Be(ConfigHasher.Hash(v.ConfigData));
            if (v.Status == ConfigVersionStatus.Active)
            {
                v.DeployedAt.Should().NotBeNull();
            }

            if (v.Status == ConfigVersionStatus.Deprecated)
            {
                v.DeprecatedAt.Should().NotBeNull();
                v.Ttl.Should().Be(ConfigVersion.TtlFor(v.DeprecatedAt!.Value));
            }
            else
            {
                v.DeprecatedAt.Should().BeNull();
                v.Ttl.Should().BeNull();
                v.SupersededBy.Should().BeNull();
            }
        }

        AssertNoHalfAppliedActivation(all);
        var active = all.SingleOrDefault(v => v.Status == ConfigVersionStatus.Active);
        (await service.TryGetActiveAsync(strategy, ct)).Should().Be(active);
        return all;
    }

    /// <summary>Every superseded version names a successor that was activated in the very same step, and no successor displaced two versions.</summary>
    public static void AssertNoHalfAppliedActivation(IReadOnlyList<ConfigVersion> all)
    {
        var byId = all.ToDictionary(v => v.ConfigId);
        var superseded = all.Where(v => v.SupersededBy is not null).ToList();
        superseded.Select(v => v.SupersededBy).Should().OnlyHaveUniqueItems("each activation displaces at most one predecessor");
        foreach (var v in superseded)
        {
            v.DeployedAt.Should().NotBeNull("only an active version is superseded");
            byId.Should().ContainKey(v.SupersededBy!);
            var successor = byId[v.SupersededBy!];
            successor.DeployedAt.Should().Be(v.DeprecatedAt, "the predecessor is deprecated in the same step that activates its successor");
            successor.VersionNumber.Should().NotBe(v.VersionNumber);
        }
    }

    /// <summary>Superseded-by links form one path through every activated version, ending at the active one.</summary>
    public static void AssertSupersededChain(IReadOnlyList<ConfigVersion> all, ConfigVersion active)
    {
        var byId = all.ToDictionary(v => v.ConfigId);
        var superseded = all.Where(v => v.SupersededBy is not null).ToList();
        superseded.Select(v => v.SupersededBy).Should().OnlyHaveUniqueItems("each activation displaces exactly one predecessor");
        superseded.Should().OnlyContain(v => v.Status == ConfigVersionStatus.Deprecated && v.DeployedAt != null);
        superseded.Should().OnlyContain(v => byId.ContainsKey(v.SupersededBy!));

        // Walk back from the active version through predecessors.
        var predecessorOf = superseded.ToDictionary(v => v.SupersededBy!, v => v);
        var length = 1;
        var current = active;
        while (predecessorOf.TryGetValue(current.ConfigId, out var previous))
        {
            previous.DeprecatedAt.Should().Be(byId[current.ConfigId].DeployedAt, "the predecessor is deprecated in the same step that activates its successor");
            current = previous;
            length++;
            length.Should().BeLessThanOrEqualTo(all.Count, "the chain must not loop");
        }

        length.Should().Be(superseded.Count + 1, "every superseded version is on the one chain ending at the active version");
    }
}
