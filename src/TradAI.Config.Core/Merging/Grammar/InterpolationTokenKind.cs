namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>The token types of OmegaConf 2.2's interpolation lexer (OmegaConfGrammarLexer.g4), after its type remaps.</summary>
internal enum InterpolationTokenKind
{
    /// <summary><c>${</c> with the spaces after it.</summary>
    InterOpen,

    /// <summary>Literal text (top level and inside quotes).</summary>
    AnyStr,

    /// <summary><c>\${</c>, optionally after pairs of backslashes: a literal <c>${</c>.</summary>
    EscInter,

    /// <summary>Pairs of backslashes at top level (halved before an interpolation).</summary>
    TopEsc,

    /// <summary>Pairs of backslashes inside quotes (halved before an interpolation or the closing quote).</summary>
    QuotedEsc,

    BraceOpen,
    BraceClose,
    QuoteOpenSingle,
    QuoteOpenDouble,
    MatchingQuoteClose,
    Comma,
    BracketOpen,
    BracketClose,
    Colon,
    Float,
    Int,
    Bool,
    Null,
    UnquotedChar,
    Id,

    /// <summary>Escaped characters in a resolver argument (<c>\,</c>, <c>\ </c>, <c>\\</c>…) or an escaped quote.</summary>
    Esc,

    Ws,
    InterClose,
    Dot,
    InterKey,
}
