using System.CommandLine;
using TradAI.Cli.Output;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Core.Tree;

namespace TradAI.Cli.Commands;

/// <summary>
/// <c>tradai secret get NAME [--key K] [--reveal]</c> and <c>tradai secret rotation NAME</c>, on the local store
/// (environment, .env, JSON folder) or AWS Secrets Manager (<c>--backend aws</c>). Values are masked unless
/// <c>--reveal</c> is given; key names and rotation metadata are never secret.
/// </summary>
internal static class SecretCommands
{
    /// <summary>What a masked value prints as; fixed length so the mask leaks nothing.</summary>
    public const string Mask = "********";

    private static readonly Option<string?> SecretsDir = new("--secrets-dir") { Description = "Local backend: folder of NAME.json files (default: TRADAI_SECRETS_DIR, else ./secrets)", Recursive = true };

    private static readonly Option<string?> EnvFile = new("--env-file") { Description = "Local backend: .env file with TRADAI_SECRET_<NAME>='{json}' lines (default: TRADAI_SECRETS_ENV_FILE, else ./.env)", Recursive = true };

    public static Command Create()
    {
        var secret = new Command("secret", "Read secrets (values masked unless --reveal) and their rotation status").WithOptions(BackendOptions.Connection);
        secret.Options.Add(SecretsDir);
        secret.Options.Add(EnvFile);
        secret.Subcommands.Add(Get());
        secret.Subcommands.Add(Rotation());
        return secret;
    }

    private static Command Get()
    {
        var name = new Argument<string>("name") { Description = "Secret name or ARN" };
        var key = new Option<string?>("--key", "-k") { Description = "Print only this key's value" };
        var reveal = new Option<bool>("--reveal") { Description = "Print values in clear text (default: masked)" };
        var cmd = new Command("get", "Print a secret's keys with masked values, or one key with --key") { name, key, reveal };
        return cmd.WithAction(async (context, ct) =>
        {
            var result = context.Parse;
            var store = Store(context);
            try
            {
                var data = await AskedForAsync(() => store.GetSecretAsync(result.GetValue(name)!, ct)).ConfigureAwait(false);
                var show = result.GetValue(reveal);
                IReadOnlyList<string> notes = show ? [] : ["(values masked; add --reveal to print them)"];
                if (result.GetValue(key) is { } k)
                {
                    if (!data.TryGetValue(k, out var value))
                    {
                        throw new NotFoundException(
                            $"Secret {InputSanitizer.Sanitize(data.Name)} has no key '{InputSanitizer.Sanitize(k)}' (keys: {string.Join(", ", data.Keys.Order(StringComparer.Ordinal).Select(x => InputSanitizer.Sanitize(x)))})");
                    }

                    var shown = show ? value ?? string.Empty : Mask;
                    return new CommandOutput(shown) { Lines = [shown], Notes = notes };
                }

                var mapping = ConfigMapping.From(data.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new KeyValuePair<string, object?>(p.Key, show ? p.Value : Mask)));
                return new CommandOutput(mapping) { Notes = notes };
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
    }

    private static Command Rotation()
    {
        var name = new Argument<string>("name") { Description = "Secret name or ARN" };
        var cmd = new Command("rotation", "Print rotation status: rotation_enabled, rotation_lambda_arn, rotation_interval_days, last/next rotation dates (ISO 8601)") { name };
        return cmd.WithAction(async (context, ct) =>
        {
            var store = Store(context);
            try
            {
                var status = await AskedForAsync(() => store.GetRotationStatusAsync(context.Parse.GetValue(name)!, ct)).ConfigureAwait(false);
                var mapping = ConfigMapping.From(status.ToSpecFields()
                    .Select(f => new KeyValuePair<string, object?>(f.Key, f.Value is int i ? (long)i : f.Value)));
                IEnumerable<IReadOnlyList<StyledText>> rows = mapping.Select(kv => (IReadOnlyList<StyledText>)[(string)kv.Key, kv.Value is null ? "-" : OutputPrinter.Render(kv.Value)]);
                return new CommandOutput(mapping)
                {
                    Table = new TableView(["Field", "Value"], [["name", status.Name], .. rows]),
                };
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
    }

    /// <summary>
    /// The spec keeps a missing secret an ExternalServiceError("Secret not found: …") for library callers; here a
    /// user named a secret that does not exist, so it is a not-found error (exit 3) with the same message.
    /// </summary>
    private static async Task<T> AskedForAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (ExternalServiceException ex) when (ex.ErrorCode == SecretErrors.NotFoundCode)
        {
            throw new NotFoundException(ex.Message, ex);
        }
    }

    private static ISecretStore Store(CliContext context) =>
        BackendOptions.CreateSecretStore(context, context.Parse.GetValue(SecretsDir), context.Parse.GetValue(EnvFile));
}
