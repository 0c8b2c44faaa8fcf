using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradAI.Cli.Output;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Errors;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Web;
using TradAI.Config.Web.Hosting;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai serve</c>: the config console (JSON API + web pages) over the same stores the other commands use, on
/// 127.0.0.1 unless <c>--urls</c> says otherwise. Local callers sign in with <c>TRADAI_CONSOLE_TOKEN</c> (generated and
/// printed once on stderr when unset); in the cloud, JWTs of the user pool named by <c>--jwt-issuer</c>/<c>--jwt-audience</c>.
/// The native <c>tradai</c> runs it in its companion <c>tradai-console</c> (<see cref="ConsoleProcess"/>).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const string IssuerVariable = "TRADAI_CONSOLE_JWT_ISSUER";

    public const string AudienceVariable = "TRADAI_CONSOLE_JWT_AUDIENCE";

    public const string KeysDirectoryVariable = "TRADAI_CONSOLE_KEYS_DIR";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on, ';'-separated (default {DefaultUrls}: this machine only)", DefaultValueFactory = _ => DefaultUrls };
        var table = new Option<string?>("--table") { Description = $"DynamoDB versions table (aws backend; env {VersionCommands.TableVariable}, default: the stacks' table of ${BackendOptions.EnvironmentVariable})" };
        var createTable = new Option<bool>("--create-table") { Description = "Create the versions table when it is missing (tests and emulators)" };
        var issuer = new Option<string?>("--jwt-issuer") { Description = $"Accept JWTs from this issuer, e.g. the Cognito user pool URL (env {IssuerVariable})" };
        var audience = new Option<string?>("--jwt-audience") { Description = $"The app client id JWTs must be for (env {AudienceVariable})" };
        var keysDir = new Option<string?>("--keys-dir") { Description = $"Keep the keys that sign sessions in this private folder, so restarts and replicas sharing it keep users signed in (env {KeysDirectoryVariable}; default: in memory)" };
        var cmd = new Command("serve", "Serve the config console: review, diff, activate and roll back versions in a browser or over a JSON API")
        {
            urls, table, createTable, issuer, audience, keysDir,
        };
        cmd.WithBackendOptions();
        if (!ConsoleProcess.InProcess)
        {
            // The Native AOT tradai: the console lives in tradai-console, which parses and checks this command line itself.
            return cmd.WithAction(async (context, _) => new CommandOutput(null) { Lines = [], ExitCode = await ConsoleProcess.HandOverAsync(context).ConfigureAwait(false) });
        }

        cmd.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            var options = new ConsoleOptions
            {
                Token = Token(context, out var generated),
                Jwt = Jwt(context, result.GetValue(issuer), result.GetValue(audience)),
                KeysDirectory = KeysDirectory(context, result.GetValue(keysDir)),
            };
            var (stores, dispose) = OpenStores(context, result.GetValue(table), result.GetValue(createTable));
            using (dispose)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.UseUrls(result.GetValue(urls) ?? DefaultUrls);
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddTradaiConsole(stores, options);
                await using var app = builder.Build();
                app.UseTradaiConsole();
                app.Lifetime.ApplicationStarted.Register(() => Announce(context, app, stores, generated ? options.Token : null));
                await app.RunAsync(ct).ConfigureAwait(false);
            }

            return CommandOutput.Quiet(null, "tradai console stopped");
        });
        return cmd;
    }

    /// <summary>The local token: <c>TRADAI_CONSOLE_TOKEN</c>, or 256 random bits when unset.</summary>
    private static string Token(CliContext context, out bool generated)
    {
        generated = false;
        if (context.GetNonEmptyVariable(ConsoleOptions.TokenVariable) is { } token)
        {
            return token.Length >= ConsoleOptions.MinTokenLength
                ? token
                : throw new UsageException($"{ConsoleOptions.TokenVariable} must be at least {ConsoleOptions.MinTokenLength} characters");
        }

        generated = true;
        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static ConsoleJwtOptions? Jwt(CliContext context, string? issuer, string? audience)
    {
        issuer ??= context.GetNonEmptyVariable(IssuerVariable);
        audience ??= context.GetNonEmptyVariable(AudienceVariable);
        if (issuer is null && audience is null)
        {
            return null;
        }

        return issuer is not null && audience is not null
            ? new ConsoleJwtOptions { Issuer = issuer, Audience = audience }
            : throw new UsageException("give both --jwt-issuer and --jwt-audience (or neither)");
    }

    /// <summary>The key folder, made if missing (readable by its owner only); a path that cannot be a folder is a usage mistake.</summary>
    private static string? KeysDirectory(CliContext context, string? path)
    {
        path ??= context.GetNonEmptyVariable(KeysDirectoryVariable);
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        return OutputFolders.TryCreate(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, out var whyNot)
            ? full
            : throw new UsageException($"--keys-dir: cannot use '{InputSanitizer.Sanitize(path)}' as the key folder: {whyNot}");
    }

    /// <summary>The stores as <c>tradai version</c> and <c>tradai config</c> open them: SQLite + folder, or DynamoDB + S3.</summary>
    private static (ConsoleStores Stores, IDisposable? Dispose) OpenStores(CliContext context, string? table, bool createTable)
    {
        var configs = ConfigStores.Create(context);
        if (!BackendOptions.IsAws(context))
        {
            var folder = CommonOptions.ResolveStore(context);
            return (new ConsoleStores(SqliteConfigVersionRepository.ForStore(folder), configs, $"local: {folder}"), null);
        }

        var (name, _) = VersionCommands.ResolveTable(context, table);
        var versions = DynamoDbConfigVersionRepository.Create(BackendOptions.Aws(context, "dynamodb"), name, createTableIfMissing: createTable);
        return (new ConsoleStores(versions, configs, $"aws: dynamodb {name}"), versions);
    }

    private static void Announce(CliContext context, WebApplication app, ConsoleStores stores, string? generatedToken)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? DefaultUrls;
        context.WriteErrorLine($"tradai console on {string.Join(", ", addresses)} ({stores.Description}); Ctrl+C stops it");
        if (generatedToken is not null)
        {
            context.WriteErrorLine($"{ConsoleOptions.TokenVariable} was not set; this run's token: {generatedToken}");
            context.WriteErrorLine($"sign in: {first.TrimEnd('/')}/login?token={generatedToken}");
        }
        else
        {
            context.WriteErrorLine($"sign in: {first.TrimEnd('/')}/login?token=<{ConsoleOptions.TokenVariable}>");
        }
    }
}
