using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using TradAI.Cli.Commands;
using TradAI.Config.Core.Errors;

namespace TradAI.Cli;

/// <summary>
/// The <c>tradai</c> program as a function of its arguments and an <see cref="InvocationConfiguration"/>:
/// <c>Program.cs</c> and the in-process tests run exactly this. Usage mistakes (bad syntax, an unknown command or
/// value, a missing sub-command) exit 2 with the problem, a suggestion for a mistyped name and the commands to choose from.
/// </summary>
internal static class TradaiCli
{
    /// <summary>The command groups, one line each; a new group is one more line here.</summary>
    private static readonly Func<Command>[] Groups =
    [
        ConfigCommands.Create,
        StrategyCommands.Create,
        VersionCommands.Create,
        SecretCommands.Create,
        SettingsCommands.Create,
        InfraCommands.Create,
        ServeCommand.Create,
    ];

    /// <summary>
    /// The command tree. The root is named <c>tradai</c> whatever the executable is called (a RootCommand would take the
    /// host's name: <c>dotnet</c> under a tool shim, the test assembly in-process), so help reads the same everywhere.
    /// </summary>
    public static Command CreateRoot()
    {
        var root = new Command("tradai", "TradAI Config: strategy configs, versions, secrets, service settings and infrastructure config.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Options.Add(CommonOptions.Output);
        foreach (var group in Groups)
        {
            root.Subcommands.Add(group());
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        var error = configuration.Error;
        var command = parsed.CommandResult.Command;
        var missingCommand = command.Action is null && command.Subcommands.Count > 0 && parsed.UnmatchedTokens.Count == 0
            && parsed.Errors.All(e => e.SymbolResult is CommandResult);
        if (missingCommand)
        {
            // Bare `tradai` or a group without its sub-command: show what there is to run.
            await error.WriteLineAsync($"usage error: '{CommandPath(parsed.CommandResult)}' needs a command; the commands are:").ConfigureAwait(false);
            await root.Parse([.. CommandNames(parsed.CommandResult).Skip(1), "--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // With a mistyped sub-command, "Required command was not provided" only repeats the real problem.
        var errors = command.Action is null && parsed.UnmatchedTokens.Count > 0
            ? parsed.Errors.Where(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)))
            : parsed.Errors;
        foreach (var e in errors)
        {
            await error.WriteLineAsync(InputSanitizer.ForTerminal($"usage error: {e.Message}")).ConfigureAwait(false);
        }

        foreach (var token in parsed.UnmatchedTokens)
        {
            var suggestions = Suggest(token, command).ToList();
            if (suggestions.Count > 0)
            {
                await error.WriteLineAsync(InputSanitizer.ForTerminal($"Did you mean '{string.Join("' or '", suggestions)}' instead of '{InputSanitizer.Sanitize(token, 60)}'?")).ConfigureAwait(false);
            }
        }

        await error.WriteLineAsync($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    /// <summary>Sub-commands and options of <paramref name="command"/> within a small edit distance of <paramref name="token"/>.</summary>
    public static IEnumerable<string> Suggest(string token, Command command)
    {
        var names = token.StartsWith('-')
            ? command.Options.Concat(AncestorRecursiveOptions(command)).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var limit = Math.Max(1, token.Length / 3);
        return names.Distinct()
            .Select(name => (Name: name, Distance: EditDistance(token.ToLowerInvariant(), name)))
            .Where(x => x.Distance <= limit || (token.Length >= 3 && x.Name.StartsWith(token, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name);
    }

    private static IEnumerable<Option> AncestorRecursiveOptions(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Concat(AncestorRecursiveOptions(p)));

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps (<c>conifg</c> → <c>config</c> is 1).</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string CommandPath(CommandResult result) => string.Join(' ', CommandNames(result));

    private static IEnumerable<string> CommandNames(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Push(c.Command.Name);
            }
        }

        return names;
    }
}
