namespace TradAI.Cli.Output;

/// <summary>A result as a table: columns, rows of cells, an optional title and lines printed under it.</summary>
internal sealed record TableView(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<StyledText>> Rows)
{
    public string? Title { get; init; }

    /// <summary>Columns whose cells are right-aligned (numbers).</summary>
    public IReadOnlySet<int> RightAligned { get; init; } = new HashSet<int>();

    /// <summary>Lines printed on stdout after the table (sources, files read).</summary>
    public IReadOnlyList<string> Footer { get; init; } = [];

    /// <summary>Lines printed on stderr only when the table is shown (hints the document itself carries otherwise).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
