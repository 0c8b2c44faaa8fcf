namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>
/// The parse tree of an interpolated string, shaped as OmegaConf 2.2's grammar (OmegaConfGrammarParser.g4) and
/// already unescaped where OmegaConf's visitor unescapes (<c>\${</c> is literal text here).
/// </summary>
internal static class InterpolationSyntax
{
    /// <summary>A <c>text</c> rule: literal runs and interpolations. A lone interpolation keeps its value's type.</summary>
    internal sealed record Text(IReadOnlyList<Part> Parts);

    /// <summary>A piece of <see cref="Text"/> or of a resolver argument.</summary>
    internal abstract record Part;

    internal sealed record Literal(string Value) : Part;

    internal abstract record Interpolation : Part;

    /// <summary><c>${a.b[0]}</c>, <c>${..x}</c>, <c>${a.${k}}</c>: the key's pieces, joined into OmegaConf's key path text.</summary>
    internal sealed record NodeReference(IReadOnlyList<Part> Key) : Interpolation;

    /// <summary><c>${oc.env:VAR,default}</c>: the dotted name's pieces and the arguments (a missing one is the empty string).</summary>
    internal sealed record ResolverCall(IReadOnlyList<Part> Name, IReadOnlyList<Element> Arguments) : Interpolation;

    /// <summary>A resolver argument.</summary>
    internal abstract record Element;

    /// <summary>Unquoted tokens; a lone INT/FLOAT/BOOL/NULL token is typed, anything longer is text.</summary>
    internal sealed record Primitive(IReadOnlyList<PrimitivePart> Parts) : Element;

    internal sealed record Quoted(Text? Content) : Element;

    internal sealed record ListLiteral(IReadOnlyList<Element> Items) : Element;

    internal sealed record DictLiteral(IReadOnlyList<(Primitive Key, Element Value)> Entries) : Element;

    /// <summary>One token of a primitive (its kind decides the type when alone) or an interpolation.</summary>
    internal sealed record PrimitivePart(InterpolationTokenKind Kind, string Text, Interpolation? Interpolation = null);
}
