using CsCheck;

namespace TradAI.Config.Core.Tests.OmegaConf;

/// <summary>
/// Generated base/override documents go through this project's parser + merger + resolver and through the real
/// OmegaConf 2.2; results must be equal, types included, and where OmegaConf errors this project errors too.
/// A few hundred cases by default; <c>TRADAI_OMEGACONF_CASES=10000</c> for a long run (<c>TRADAI_OMEGACONF_SEED</c>
/// replays one). <c>TRADAI_OMEGACONF_COLLECT=1</c> lists every disagreement instead of shrinking the first.
/// </summary>
[Collection(OmegaConfCollection.Name)]
public class OmegaConfMergeDifferentialTests(OmegaConfOracle oracle, ITestOutputHelper output)
{
    [Fact]
    public void Parse_merge_and_resolve_agree_with_OmegaConf()
    {
        oracle.Require();
        var cases = OmegaConfDifferential.Cases(300);
        if (Environment.GetEnvironmentVariable("TRADAI_OMEGACONF_COLLECT") == "1")
        {
            var found = new List<string>();
            OmegaConfCases.Documents.Sample(
                docs =>
                {
                    if (OmegaConfDifferential.CompareMerge(oracle, docs, out _) is { } d)
                    {
                        found.Add(OmegaConfCases.Print(docs) + "\n" + d);
                    }
                },
                seed: OmegaConfDifferential.Seed,
                iter: cases,
                threads: 1);
            output.WriteLine($"{cases} cases, {found.Count} disagreements");
            Assert.True(found.Count == 0, $"{found.Count} of {cases} cases disagree:\n" + string.Join("\n=====\n", found.Take(40)));
            return;
        }

        var errors = 0;
        OmegaConfCases.Documents.Sample(
            docs =>
            {
                if (OmegaConfDifferential.CompareMerge(oracle, docs, out var bothFailed) is { } d)
                {
                    throw new InvalidOperationException("disagreement with OmegaConf:\n" + d);
                }

                errors += bothFailed ? 1 : 0;
            },
            writeLine: output.WriteLine,
            seed: OmegaConfDifferential.Seed,
            iter: cases,
            threads: 1,
            print: OmegaConfCases.Print);

        // Both kinds of outcome must be exercised: values compared, and errors on both sides.
        output.WriteLine($"{cases} cases agree: {cases - errors} with equal values, {errors} failing on both sides");
        Assert.InRange(errors, 1, cases - 1);
    }
}
