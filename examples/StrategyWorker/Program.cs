using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StrategyWorker;
using TradAI.Config.Core.Errors;

// dotnet run --project examples/StrategyWorker -c Release -- --TradAI:Strategy=momentum-btc --TradAI:Store=DIR --TradAI:RefreshInterval=00:00:01
// dotnet run --project examples/StrategyWorker -c Release -- --TradAI:Strategy=momentum-btc --TradAI:Backend=aws --TradAI:VersionsTable=T --TradAI:Aws:EndpointUrl=URL --TradAI:Aws:Region=R
var builder = Host.CreateApplicationBuilder(args);

// stdout carries only the JSON event lines; every log line goes to stderr.
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(4));

var strategy = builder.Configuration["TradAI:Strategy"];
if (string.IsNullOrWhiteSpace(strategy))
{
    Console.Error.WriteLine("strategy-worker: give the strategy to follow: --TradAI:Strategy=NAME");
    return 2;
}

builder.Services
    .AddTradaiConfig()
    .UseLocal()
    .UseAws()
    .AddActiveStrategyConfig(strategy);
builder.Services.AddSingleton(new EventLines(Console.Out));
builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ConfigEventsWorker>(sp, strategy));

try
{
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is TradaiException or AggregateException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"strategy-worker: {ex.Message}");
    return ex is TradaiException typed ? ExitCodeFor(typed.Kind) : 1;
}

static int ExitCodeFor(ErrorKind kind) => kind switch
{
    ErrorKind.Validation => 1,
    ErrorKind.NotFound => 3,
    ErrorKind.Conflict => 4,
    _ => 5,
};
