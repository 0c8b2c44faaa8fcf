using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Tests.Errors;

public sealed class InputSanitizerTests
{
    [Theory]
    [InlineData("R&D", "R&D")]
    [InlineData("tom&jerry's <b>\"x\"</b>", "tom&jerry's <b>\"x\"</b>")]
    public void Plain_text_keeps_markup_characters_as_they_are(string input, string expected) =>
        Assert.Equal(expected, InputSanitizer.Sanitize(input));

    [Theory]
    [InlineData("a\u001b[31mred", "a\\u001B[31mred")]
    [InlineData("evil\u202Egnp.exe", "evil\\u202Egnp.exe")]
    [InlineData("zero\u200Bwidth", "zero\\u200Bwidth")]
    [InlineData("line\nbreak\r", "line\\u000Abreak\\u000D")]
    [InlineData("bell\u0007\u009B", "bell\\u0007\\u009B")]
    public void Controls_bidi_and_format_characters_are_shown_as_escapes(string input, string expected) =>
        Assert.Equal(expected, InputSanitizer.Sanitize(input));

    [Fact]
    public void Length_is_capped_with_an_ellipsis()
    {
        var shown = InputSanitizer.Sanitize(new string('x', 500));
        Assert.Equal(InputSanitizer.DefaultMaxLength + 1, shown.Length);
        Assert.EndsWith("…", shown);
        Assert.Equal("abc…", InputSanitizer.Sanitize("abcdef", 3));
    }

    [Fact]
    public void Astral_characters_stay_whole_and_lone_surrogates_are_escaped()
    {
        Assert.Equal("😀", InputSanitizer.Sanitize("😀"));
        Assert.Equal("a\\uD800b", InputSanitizer.Sanitize("a\uD800b"));
    }

    [Fact]
    public void Terminal_text_keeps_line_breaks_escapes_the_rest_and_is_idempotent()
    {
        var once = InputSanitizer.ForTerminal("first\n\tsecond \u001b]0;title\u0007 & <ok>");
        Assert.Equal("first\n\tsecond \\u001B]0;title\\u0007 & <ok>", once);
        Assert.Equal(once, InputSanitizer.ForTerminal(once));
        Assert.Equal(5000, InputSanitizer.ForTerminal(new string('y', 5000)).Length);
    }

    [Fact]
    public void Html_output_is_encoded_after_sanitizing()
    {
        var html = InputSanitizer.ForHtml("<script>alert('R&D')</script>\u202E");
        Assert.DoesNotContain("<", html);
        Assert.DoesNotContain("'", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&amp;", html);
        Assert.EndsWith("\\u202E", html);
    }
}
