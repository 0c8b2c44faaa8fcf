using CsCheck;
using TradAI.Config.Core.Tests.OmegaConf;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Tests.Tree;

/// <summary>
/// The resolver's fast paths (a plain decimal integer read by <c>long.TryParse</c>, a plain float by
/// <c>double.TryParse</c>) must give exactly what PyYAML's constructors, ported in <see cref="YamlScalarResolver.TryParseInt"/>
/// and <see cref="YamlScalarResolver.TryParseFloat"/>, give for the same text.
/// </summary>
public class YamlScalarResolverTests
{
    // Every character a YAML 1.1 number can hold, and a few that break one.
    private static readonly Gen<string> NumberLike = Gen.Frequency(
        (6, Gen.String[Gen.Char["0123456789"], 1, 20]),
        (6, Gen.String[Gen.Char["0123456789+-._:eE"], 1, 14]),
        (2, Gen.String[Gen.Char["0123456789abcdefxobABCDEF+-_"], 1, 12]),
        (1, Gen.Select(Gen.OneOfConst("", "+", "-"), Gen.Long).Select((sign, l) => sign + l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.OneOfConst("", "+", "-"), Gen.Double.Where(double.IsFinite)).Select((sign, d) => sign + Math.Abs(d).ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOfConst(OmegaConfCases.EdgeScalars)));

    [Fact]
    public void Fast_paths_agree_with_pyyamls_constructors_on_every_number_like_text()
    {
        NumberLike.Sample(text =>
        {
            if (!YamlScalarResolver.TryResolvePlain(text, out var value, out _))
            {
                return;
            }

            switch (value)
            {
                case long l:
                    Assert.True(YamlScalarResolver.TryParseInt(text, out var slow), text);
                    Assert.Equal(slow, l);
                    break;
                case double d:
                    Assert.True(YamlScalarResolver.TryParseFloat(text, out var slowD), text);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(slowD), BitConverter.DoubleToInt64Bits(d));
                    break;
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("+5", 5L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Plain_decimals_on_the_fast_path_are_integers(string text, long expected) =>
        Assert.Equal(expected, YamlScalarResolver.ResolvePlain(text));

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    public void A_plain_decimal_beyond_64_bits_falls_to_the_slow_path_and_is_an_error(string text)
    {
        Assert.False(YamlScalarResolver.TryResolvePlain(text, out _, out var problem));
        Assert.Contains("does not fit in 64 bits", problem);
    }

    [Theory]
    [InlineData("017", 15L)]
    [InlineData("00", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("1:30", 90L)]
    public void Leading_zeros_separators_and_sexagesimal_stay_on_the_slow_path(string text, long expected) =>
        Assert.Equal(expected, YamlScalarResolver.ResolvePlain(text));

    [Fact]
    public void Negative_zero_float_keeps_its_sign_on_the_fast_path() =>
        Assert.True(double.IsNegative((double)YamlScalarResolver.ResolvePlain("-0.0")!));
}
