using System.Globalization;
using AwesomeAssertions;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Hashing;

/// <summary>RFC 8785 test vectors (cyberphone/json-canonicalization testdata and RFC 8785 Appendix B numbers).</summary>
public sealed class JsonCanonicalizerTests
{
    public static TheoryData<string, string, string> RfcDocuments => new()
    {
        {
            "arrays",
            """[ 56, { "d": true, "10": null, "1": [ ] } ]""",
            """[56,{"1":[],"10":null,"d":true}]"""
        },
        {
            "french",
            """{ "peach": "This sorting order", "péché": "is wrong according to French", "pêche": "but canonicalization MUST", "sin": "ingnore locale" }""",
            """{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ingnore locale"}"""
        },
        {
            "structures",
            """{ "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { } }""",
            """{"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}"""
        },
        {
            "unicode",
            """{ "Unnormalized Unicode":"\u1e0d\u0307" }""",
            "{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}"
        },
        {
            "values",
            """{ "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001], "escaping": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false] }""",
            "{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}"
        },
        {
            "weird",
            """{ "\u20ac": "Euro Sign", "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge" }""",
            "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"
        },
    };

    [Theory]
    [MemberData(nameof(RfcDocuments))]
    public void Canonicalize_matches_the_rfc_8785_test_vectors(string name, string input, string expected)
    {
        var value = CanonicalJsonReader.Read(input, name);

        JsonCanonicalizer.CanonicalizeRfc8785(value).Should().Be(expected, name);
    }

    // RFC 8785 Appendix B (IEEE-754 bit patterns → ECMAScript serialization) and further edge cases.
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    [InlineData("0000000100000000", "2.121995791e-314")]
    [InlineData("1000000100000000", "1.2882309824710566e-231")]
    [InlineData("1000000100000005", "1.288230982471058e-231")]
    public void FormatNumber_matches_the_rfc_8785_number_samples(string ieeeHex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        JsonCanonicalizer.FormatNumber(value).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.125, "0.125")]
    [InlineData(4.8, "4.8")]
    [InlineData(-0.001, "-0.001")]
    [InlineData(-123e-35, "-1.23e-33")]
    [InlineData(123e35, "1.23e+37")]
    [InlineData(1234567890.1234567890, "1234567890.1234567")]
    [InlineData(9.9999999999999999, "10")]
    [InlineData(8.8888888888888888, "8.88888888888889")]
    [InlineData(18446744073709553000.0, "18446744073709552000")]
    [InlineData(5.51443399744797e-309, "5.51443399744797e-309")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    public void FormatNumber_follows_ecmascript_number_to_string(double value, string expected) =>
        JsonCanonicalizer.FormatNumber(value).Should().Be(expected);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_rejected_with_the_path(double value)
    {
        var config = ConfigMapping.Of(("risk", ConfigMapping.Of(("limits", ConfigSequence.Of(1L, value)))));

        var act = () => JsonCanonicalizer.Canonicalize(config);

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be("risk.limits[1]");
    }

    [Fact]
    public void Integers_beyond_2_pow_53_are_rejected_instead_of_rounded()
    {
        var act = () => JsonCanonicalizer.Canonicalize(ConfigMapping.Of(("id", 9007199254740993L)));

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("2^53");
        JsonCanonicalizer.Canonicalize(ConfigMapping.Of(("id", JsonCanonicalizer.MaxSafeInteger))).Should().Be("{\"id\":9007199254740991}");
    }

    [Fact]
    public void Lone_surrogates_are_rejected()
    {
        var act = () => JsonCanonicalizer.Canonicalize(ConfigMapping.Of(("k", "a\ud800b")));

        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("surrogate");
    }

    [Fact]
    public void Non_string_keys_are_written_as_their_path_form_and_collisions_are_rejected()
    {
        JsonCanonicalizer.Canonicalize(ConfigMapping.Of((2L, "b"), (true, "t"))).Should().Be("{\"2\":\"b\",\"True\":\"t\"}");

        var act = () => JsonCanonicalizer.Canonicalize(ConfigMapping.Of((1L, "int"), ("1", "string")));
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("rename one");
    }

    [Fact]
    public void Key_order_and_number_spelling_do_not_change_the_hash()
    {
        var a = YamlConfigReader.ParseMapping("b: 1\na:\n  y: 2.50\n  x: [1, 2]\n  z: 3.0\n", "a.yaml");
        var b = YamlConfigReader.ParseMapping("a:\n  x: [1, 2]\n  z: 3.\n  y: 2.5\nb: 0x1\n", "b.yaml");

        ConfigHasher.Hash(a).Should().Be(ConfigHasher.Hash(b));
        ConfigHasher.Hash(a).Should().NotBe(ConfigHasher.Hash(b.With("b", 2L)));
    }

    [Fact]
    public void A_whole_float_and_an_integer_differ_because_consumers_read_them_as_different_types()
    {
        var asFloat = YamlConfigReader.ParseMapping("bollinger_std: 2.0");
        var asInt = YamlConfigReader.ParseMapping("bollinger_std: 2");

        JsonCanonicalizer.Canonicalize(asFloat).Should().Be("""{"bollinger_std":2.0}""");
        JsonCanonicalizer.CanonicalizeRfc8785(asFloat).Should().Be("""{"bollinger_std":2}""");
        ConfigHasher.Hash(asFloat).Should().NotBe(ConfigHasher.Hash(asInt));
        CanonicalJsonReader.ReadMapping(JsonCanonicalizer.Canonicalize(asFloat))["bollinger_std"].Should().BeOfType<double>();
        JsonCanonicalizer.Canonicalize(ConfigMapping.Of(("a", 1e21), ("b", -0.0), ("c", 1e20))).Should().Be("""{"a":1e+21,"b":0.0,"c":100000000000000000000.0}""");
    }

    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_the_canonical_utf8()
    {
        // Digests computed independently (Python hashlib) over the RFC test vectors' expected output.
        var structures = CanonicalJsonReader.Read("""{ "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { } }""");
        ConfigHasher.HashCanonical(JsonCanonicalizer.ToUtf8(JsonCanonicalizer.CanonicalizeRfc8785(structures))).Should().Be("513d0c0f2524a8b295a9bbd982a37b7a000f1c5f915bf2d6d8cfdf75347bacad");

        var weird = CanonicalJsonReader.Read("""{ "\u20ac": "Euro Sign", "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge" }""");
        var hash = ConfigHasher.Hash(weird);
        hash.Should().Be("92591c387de83f90a4f5a7b853081c9482ee5bf076e8e309366de6f215cfcbfb");
        ConfigHasher.IsValidHash(hash).Should().BeTrue();
    }

    [Fact]
    public void Every_finite_double_round_trips_through_its_canonical_form()
    {
        Gen.Double.Where(double.IsFinite).Sample(d =>
        {
            var text = JsonCanonicalizer.FormatNumber(d);
            var back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return back.Equals(d == 0 ? 0.0 : d) || (d == 0 && back == 0);
        }, iter: 20_000);
    }

    [Fact]
    public void Canonical_json_reads_back_to_the_same_hash()
    {
        Gen.Select(Gen.String[Gen.Char[' ', '\u07ff'], 0, 12], Gen.Double.Where(double.IsFinite), Gen.Long[-1_000_000, 1_000_000], Gen.Bool).Sample((s, d, l, b) =>
        {
            var config = ConfigMapping.Of(("s", s), ("d", d), ("l", l), ("nested", ConfigMapping.Of(("b", b), ("list", ConfigSequence.Of(s, d)))));
            var canonical = JsonCanonicalizer.Canonicalize(config);
            return JsonCanonicalizer.Canonicalize(CanonicalJsonReader.ReadMapping(canonical)) == canonical;
        }, iter: 5_000);
    }

    [Fact]
    public void Reader_rejects_malformed_json_and_duplicate_members()
    {
        var malformed = () => CanonicalJsonReader.ReadMapping("{\"a\": 1,", "data.json");
        malformed.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("malformed JSON");

        var duplicate = () => CanonicalJsonReader.ReadMapping("{\"a\": 1, \"a\": 2}");
        duplicate.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be("a");

        var notObject = () => CanonicalJsonReader.ReadMapping("[1]");
        notObject.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("must be an object");
    }
}
