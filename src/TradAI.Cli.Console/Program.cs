using System.CommandLine;
using TradAI.Cli;

return await TradaiCli.RunAsync(args, new InvocationConfiguration());
