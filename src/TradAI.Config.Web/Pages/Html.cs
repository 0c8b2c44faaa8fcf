using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TradAI.Config.Web.Pages;

/// <summary>
/// Builds a page: markup comes only from string literals in this assembly (<see cref="Raw"/>), every other value goes
/// through <see cref="HtmlEncoder"/> (<see cref="Text"/>, <see cref="Attr"/>). This is where the spec's XSS sanitizing
/// lives: a config value <c>&lt;script&gt;</c> is text, in an element or an attribute alike. AOT-safe, no templates.
/// </summary>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder _sb = new(4096);

    /// <summary>Literal markup. Callers pass constants only; values go through <see cref="Text"/>.</summary>
    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>A value as element content, HTML-encoded.</summary>
    public Html Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Encoder.Encode(new StringWriter(_sb, CultureInfo.InvariantCulture), value);
        }

        return this;
    }

    /// <summary>A value as a double-quoted attribute value, HTML-encoded (quotes included).</summary>
    public Html Attr(string name, string? value) => Raw(" ").Raw(name).Raw("=\"").Text(value).Raw("\"");

    /// <summary>An element with encoded text content and an optional class.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    /// <summary>A link; <paramref name="href"/> is built by <see cref="ConsoleUrls"/> from escaped parts.</summary>
    public Html Link(string href, string text, string? cssClass = null)
    {
        Raw("<a").Attr("href", href);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        return Raw(">").Text(text).Raw("</a>");
    }

    /// <summary>A hidden form field.</summary>
    public Html Hidden(string name, string? value) => Raw("<input type=\"hidden\"").Attr("name", name).Attr("value", value).Raw(">");

    public override string ToString() => _sb.ToString();

    /// <summary>A time as the pages show it: UTC, to the second, sortable.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";
}
