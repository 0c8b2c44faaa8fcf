namespace TradAI.Config.Core.Tree;

/// <summary>Limits that keep hostile or broken documents from exhausting the process.</summary>
public sealed record YamlReadOptions
{
    /// <summary>The defaults: 4 MiB, 1,000,000 nodes after alias expansion, nesting 128 deep, empty documents allowed.</summary>
    public static YamlReadOptions Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-8 bytes.</summary>
    public int MaxDocumentBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most nodes the document may expand to once every alias is counted as a copy ("billion laughs" guard).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of mappings and lists.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>
    /// Whether a document with no content (zero bytes, only comments, or a bare <c>null</c>) reads as an empty mapping.
    /// Commands that store what they read turn this off, so an empty pipe never replaces a config; <c>{}</c> is always allowed.
    /// </summary>
    public bool AllowEmptyDocument { get; init; } = true;
}
