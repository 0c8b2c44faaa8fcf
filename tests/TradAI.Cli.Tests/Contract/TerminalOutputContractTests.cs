namespace TradAI.Cli.Tests.Contract;

/// <summary>
/// Terminal text is sanitized for a terminal (controls and bidi characters escaped, no HTML entities), and output that
/// is not going to a terminal is never wrapped, truncated or coloured.
/// </summary>
public sealed class TerminalOutputContractTests : IDisposable
{
    private static readonly string Long = "k" + new string('v', 199);

    private readonly CliStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Messages_show_user_input_as_typed_without_html_entities()
    {
        var r = await _store.RunAsync("config", "show", "R&D");
        Assert.Equal("error: Config 'R&D' not found\n", r.Stderr);
    }

    [Theory]
    [InlineData("config", "show", "Tom's <b>&\"x\"</b>")]
    [InlineData("config", "merge", "/no/such/R&D's.yaml")]
    [InlineData("strategy", "load", "momentum-btc", "--set", "parameters.<x>='it''s & more'")]
    [InlineData("strategy", "load", "momentum-btc", "--set", "+timeframe='it''s'")]
    [InlineData("secret", "get", "R&D's")]
    [InlineData("infra", "show", "--env", "q&a's")]
    [InlineData("config", "put", "x", "--file", "-")]
    public async Task No_terminal_message_contains_an_html_entity(params string[] args)
    {
        var r = await _store.RunAsync(args, stdin: "a: 'it''s <b>&</b>\n  b: [\n");
        Assert.NotEqual(0, r.ExitCode);
        Assert.NotEqual("", r.Stderr);
        foreach (var entity in new[] { "&amp;", "&#x27;", "&lt;", "&gt;", "&quot;", "&#" })
        {
            Assert.DoesNotContain(entity, r.Stderr);
        }
    }

    [Fact]
    public async Task Control_and_bidi_characters_in_input_are_shown_escaped_never_sent_to_the_terminal()
    {
        var r = await _store.RunAsync("config", "show", "evil\u001b]0;owned\u0007\u202Ename");
        Assert.Equal(ExitCodes.ValidationFailed, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.Stderr);
        Assert.DoesNotContain('\u202E', r.Stderr);
        Assert.Contains("evil\\u001B]0;owned\\u0007\\u202Ename", r.Stderr);
    }

    [Fact]
    public async Task Stored_values_with_escape_sequences_are_escaped_in_tables_and_lines()
    {
        var yaml = await _store.StrategyYamlAsync("\"\\e[2J\\e]0;x\\a\"");
        var a = await _store.CreateVersionAsync("s", yaml);
        var b = await _store.CreateVersionAsync("s", await _store.StrategyYamlAsync("plain"));

        var diff = await _store.RunAsync("version", "diff", "s", a, b);
        var table = await _store.RunAsync("version", "show", "s", a, "-o", "table");
        Assert.Equal((0, 0), (diff.ExitCode, table.ExitCode));
        Assert.DoesNotContain('\u001b', diff.Stdout + table.Stdout);
        Assert.Contains("\\u001B[2J", diff.Stdout);
        Assert.Contains("\\u001B[2J", table.Stdout);
    }

    [Fact]
    public async Task Piped_diff_list_and_table_output_is_never_wrapped_or_cut()
    {
        var a = await _store.CreateVersionAsync("s", await _store.StrategyYamlAsync("short"));
        var b = await _store.CreateVersionAsync("s", await _store.StrategyYamlAsync(Long));
        var put = await _store.RunAsync(["config", "put", "wide", "--file", "-"], $"{Long}:\n  {Long}: {Long}\n");
        Assert.Equal(0, put.ExitCode);

        var diff = await _store.RunAsync("version", "diff", "s", a, b);
        var list = await _store.RunAsync("version", "list", "s");
        var table = await _store.RunAsync("config", "show", "wide", "-o", "table");

        Assert.Contains($"~ parameters.note: short -> {Long}\n", diff.Stdout);
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.Contains(a, StringComparison.Ordinal));
        Assert.Matches(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", row);
        Assert.Contains($"{Long}.{Long}", table.Stdout);
        Assert.Contains($" {Long} ", table.Stdout);
        Assert.DoesNotContain('\u001b', diff.Stdout + list.Stdout + table.Stdout);
    }

    [Fact]
    public async Task A_200_character_value_survives_version_diff_through_a_pipe()
    {
        var a = await _store.CreateVersionAsync("s", await _store.StrategyYamlAsync("short"));
        var b = await _store.CreateVersionAsync("s", await _store.StrategyYamlAsync(Long));

        // The child's stdout is a pipe, as in `tradai version diff … | cat`.
        var r = await CliProcess.RunAsync(["version", "diff", "s", a, b, "--store", _store.Folder], new Dictionary<string, string?> { ["NO_COLOR"] = null, ["COLUMNS"] = "40" });
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"~ parameters.note: short -> {Long}\n", r.Stdout);
        Assert.DoesNotContain('\u001b', r.Stdout);
    }
}
