namespace TradAI.Cli.Tests.Contract;

/// <summary>Help lists what a command takes, in the spelling the README uses; mistyped names get a suggestion.</summary>
public sealed class HelpContractTests
{
    [Fact]
    public async Task A_mistyped_command_gets_a_suggestion()
    {
        var r = await Support.InProcessTradai.RunAsync("conifg");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("Did you mean 'config' instead of 'conifg'?", r.Stderr);
        Assert.DoesNotContain("Required command", r.Stderr);

        var sub = await Support.InProcessTradai.RunAsync("version", "lsit", "s");
        Assert.Contains("Did you mean 'list'", sub.Stderr);
    }

    [Theory]
    [InlineData("conifg", "config", 1)]
    [InlineData("stratgey", "strategy", 1)]
    [InlineData("secert", "secret", 1)]
    [InlineData("config", "config", 0)]
    public void Edit_distance_counts_swaps_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, TradaiCli.EditDistance(a, b));

    [Fact]
    public async Task Synth_help_lists_only_the_options_synth_uses()
    {
        var r = await Support.InProcessTradai.RunAsync("infra", "synth", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--out", r.Stdout);
        Assert.DoesNotContain("--store", r.Stdout);
        Assert.DoesNotContain("--backend", r.Stdout);
    }

    [Theory]
    [InlineData("--store", "secret", "get")]
    [InlineData("--bucket", "secret", "rotation")]
    [InlineData("--store", "settings", "show")]
    [InlineData("--backend", "infra", "show")]
    public async Task Help_does_not_list_options_a_command_ignores(string option, params string[] command)
    {
        var r = await Support.InProcessTradai.RunAsync([.. command, "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--output", r.Stdout);
        Assert.DoesNotContain(option, r.Stdout);
    }

    [Fact]
    public async Task Output_values_are_lowercase_in_help_and_in_errors()
    {
        var help = await Support.InProcessTradai.RunAsync("config", "list", "--help");
        Assert.Contains("--output <json|table|yaml>", help.Stdout);

        var xml = await Support.InProcessTradai.RunAsync("config", "list", "-o", "xml");
        Assert.Equal(ExitCodes.Usage, xml.ExitCode);
        Assert.Contains("'xml' is not an output format; use one of: json, table, yaml", xml.Stderr);
        Assert.DoesNotContain("OutputFormat", xml.Stderr);
        Assert.DoesNotContain("TradAI", xml.Stderr);
    }

    [Fact]
    public async Task Output_values_are_accepted_in_any_case()
    {
        var r = await Support.InProcessTradai.RunAsync("infra", "show", "--env", "dev", "-o", "JSON");
        Assert.Equal(0, r.ExitCode);
        using var _ = System.Text.Json.JsonDocument.Parse(r.Stdout);
    }
}
