using System.Text;

namespace TradAI.Cli.Tests.Support;

/// <summary>
/// Runs <c>tradai</c> in this process through the same entry point as <c>Program.cs</c> (<see cref="TradaiCli.RunAsync"/>),
/// with its own writers, environment and stdin in a <see cref="CliInvocation"/>: nothing static, so runs can go in parallel.
/// </summary>
internal static class InProcessTradai
{
    public static async Task<CliProcess.Result> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null, bool terminal = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var invocation = new CliInvocation
        {
            Output = stdout,
            Error = stderr,
            Environment = environment,
            StandardInput = stdin is null ? null : () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            OutputIsTerminal = terminal,
        };
        var code = await TradaiCli.RunAsync(args, invocation, TestContext.Current.CancellationToken);
        return new CliProcess.Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliProcess.Result> RunAsync(params string[] args) => RunAsync(args, environment: null);
}
