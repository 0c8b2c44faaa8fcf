using System.Diagnostics;
using System.Globalization;
using System.Text;
using AwesomeAssertions;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Hashing;

/// <summary>
/// Differential tests against V8 (Node.js is part of the base machine): ECMAScript's own Number.prototype.toString,
/// JSON.stringify string escaping and UTF-16 key ordering are the reference RFC 8785 is defined by.
/// </summary>
public sealed class JsonCanonicalizerNodeTests
{
    // RFC 8785's canonicalization in ECMAScript: JSON.stringify with members sorted by UTF-16 code units.
    private const string NodeCanonicalize = """
        const canon = v => v === null || typeof v !== 'object' ? JSON.stringify(v)
          : Array.isArray(v) ? '[' + v.map(canon).join(',') + ']'
          : '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
        let input = '';
        process.stdin.on('data', d => input += d).on('end', () => {
          const out = [];
          for (const line of input.split('\n')) {
            if (!line) continue;
            const [kind, payload] = [line[0], line.slice(2)];
            if (kind === 'n') { const b = Buffer.from(payload, 'hex'); out.push(String(b.readDoubleBE(0))); }
            else { out.push(canon(JSON.parse(payload))); }
          }
          process.stdout.write(out.join('\n'));
        });
        """;

    [Fact]
    public void Number_formatting_matches_v8_for_100000_random_doubles()
    {
        var random = new Random(8785);
        var values = new List<double>();
        for (var i = 0; i < 100_000; i++)
        {
            // Random bit patterns cover every exponent; a third are "human" decimals like 0.1 * k.
            var d = i % 3 == 0
                ? Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-8, 22)), random.Next(0, 12))
                : BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(d))
            {
                values.Add(d);
            }
        }

        var input = string.Join('\n', values.Select(d => "n " + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture)));
        var expected = RunNode(input).Split('\n');

        expected.Should().HaveCount(values.Count);
        var mismatches = values.Select((d, i) => (d, ours: JsonCanonicalizer.FormatNumber(d), v8: expected[i]))
            .Where(x => x.ours != (x.v8 == "-0" ? "0" : x.v8)).Take(5).ToList();
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Canonical_json_matches_v8_for_random_config_trees()
    {
        var random = new Random(20261126);
        var configs = Enumerable.Range(0, 500).Select(_ => RandomMapping(random, depth: 0)).ToList();

        // Feed node a non-canonical rendering (document order, relaxed escaping) and let it canonicalize.
        var input = string.Join('\n', configs.Select(c => "j " + ConfigJsonWriter.ToJson(c, indented: false)));
        var expected = RunNode(input).Split('\n');

        configs.Select(JsonCanonicalizer.CanonicalizeRfc8785).Should().Equal(expected);
    }

    private static ConfigMapping RandomMapping(Random random, int depth)
    {
        var builder = new ConfigMappingBuilder();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            builder.TryAdd(RandomString(random, 6), RandomValue(random, depth + 1));
        }

        return builder.Build();
    }

    private static object? RandomValue(Random random, int depth) => random.Next(depth > 3 ? 6 : 8) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.NextInt64(-JsonCanonicalizer.MaxSafeInteger, JsonCanonicalizer.MaxSafeInteger),
        3 => BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5,
        4 or 5 => RandomString(random, 12),
        6 => RandomMapping(random, depth),
        _ => ConfigSequence.From(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))),
    };

    private static string RandomString(Random random, int maxLength)
    {
        // ASCII, controls, Latin-1, BMP letters and astral characters (surrogate pairs) — the cases JCS sorting and escaping care about.
        var sb = new StringBuilder();
        var length = random.Next(0, maxLength + 1);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0: sb.Append((char)random.Next(0, 0x20)); break;
                case 1: sb.Append("\"\\/"[random.Next(3)]); break;
                case 2: sb.Append((char)random.Next(0x80, 0x800)); break;
                case 3: sb.Append((char)random.Next(0xE000, 0xFFFE)); break;
                case 4: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF))); break;
                default: sb.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return sb.ToString();
    }

    private static string RunNode(string input)
    {
        var info = new ProcessStartInfo("node", ["-e", NodeCanonicalize])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("node is not installed");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            process.WaitForExit();
            process.ExitCode.Should().Be(0, error.Result);
            return output.Result;
        }
    }
}
