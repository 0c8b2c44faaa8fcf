namespace TradAI.Config.Web.Pages;

/// <summary>The stylesheet, compiled into the assembly (no static-file folder to deploy; CSP allows only 'self').</summary>
internal static class Assets
{
    private static readonly byte[] Css = Load("TradAI.Config.Web.Assets.console.css");

    public static IResult Stylesheet(HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(Css, "text/css; charset=utf-8");
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the console's resource '{name}' is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
