using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Local.Secrets;

namespace TradAI.Config.Local.Tests.Secrets;

/// <summary>The local secret store: environment, .env file and JSON folder, with the same §5.2 errors as AWS.</summary>
public sealed class LocalSecretStoreTests : IDisposable
{
    private const string Password = "local-PW-never-shown-7731";
    private readonly string _dir = Directory.CreateTempSubdirectory("tradai-secrets-").FullName;
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private LocalSecretStore Store(bool withEnvFile = true) => new(new LocalSecretStoreOptions
    {
        Directory = Path.Combine(_dir, "secrets"),
        EnvFile = withEnvFile ? Path.Combine(_dir, ".env") : null,
        Environment = k => _env.GetValueOrDefault(k),
    });

    private void WriteSecretFile(string name, string json)
    {
        var path = Path.Combine(_dir, "secrets", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    [Fact]
    public async Task Reads_a_json_file_in_the_secrets_folder()
    {
        WriteSecretFile("tradai/dev/db", $$"""{"username":"u","password":"{{Password}}","port":5432}""");
        var secret = await Store().GetSecretAsync("tradai/dev/db", Ct);
        secret["password"].Should().Be(Password);
        secret["port"].Should().Be("5432");
    }

    [Fact]
    public async Task The_environment_wins_over_the_env_file_which_wins_over_the_folder()
    {
        WriteSecretFile("api", """{"key":"from-file"}""");
        await File.WriteAllTextAsync(Path.Combine(_dir, ".env"), "# secrets\nexport TRADAI_SECRET_API='{\"key\":\"from-dotenv\"}'\nOTHER=1\n", Ct);
        var store = Store();
        (await store.GetSecretAsync("api", Ct))["key"].Should().Be("from-dotenv");

        _env["TRADAI_SECRET_API"] = """{"key":"from-env"}""";
        (await store.GetSecretAsync("api", Ct))["key"].Should().Be("from-env");
        store.VariableFor("tradai/dev-db.v2").Should().Be("TRADAI_SECRET_TRADAI_DEV_DB_V2");
    }

    [Fact]
    public async Task A_missing_secret_is_secret_not_found_saying_where_it_looked()
    {
        var act = () => Store().GetSecretAsync("tradai/none", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().StartWith("Secret not found: tradai/none").And.Contain("TRADAI_SECRET_TRADAI_NONE").And.Contain("none.json");
        error.ErrorCode.Should().Be(SecretErrors.NotFoundCode);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    public async Task A_name_that_is_not_a_safe_relative_path_is_a_validation_error_with_or_without_a_folder(string name)
    {
        foreach (var store in new[] { Store(), new LocalSecretStore(new LocalSecretStoreOptions { Environment = _ => null }) })
        {
            var act = () => store.GetSecretAsync(name, Ct);
            var error = (await act.Should().ThrowAsync<ConfigValidationException>()).Which;
            error.Message.Should().Contain($"invalid secret name '{name}'");
        }
    }

    [Fact]
    public async Task A_secret_file_that_is_not_utf8_is_refused_with_its_byte_offset()
    {
        var path = Path.Combine(_dir, "secrets", "latin1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [.. "{\"k\":\"caf"u8, 0xE9, .. "\"}"u8], Ct);
        var act = () => Store().GetSecretAsync("latin1", Ct);
        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("invalid UTF-8 at byte 9");
    }

    [Fact]
    public async Task A_secret_whose_json_repeats_a_key_names_the_key_and_never_a_value()
    {
        WriteSecretFile("dup", $$"""{"password":"{{Password}}","password":"x"}""");
        var act = () => Store().GetSecretAsync("dup", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Be("Secret dup is not valid JSON (the key 'password' appears more than once)");
        error.ToString().Should().NotContain(Password);
    }

    /// <summary>
    /// Root reads files whatever their mode, and the suite runs as root here and in CI, so a chmod 000 file would be
    /// readable. procfs enforces the mode of a sysctl entry even for root: a write-only one (drop_caches, compact_memory;
    /// mode 0200) fails to open for reading with EACCES for every user, which is what an unreadable store gives.
    /// </summary>
    private static string UnreadableFile()
    {
        foreach (var candidate in new[] { "/proc/sys/vm/drop_caches", "/proc/sys/vm/compact_memory" })
        {
            try
            {
                using var _ = File.OpenRead(candidate);
            }
            catch (UnauthorizedAccessException)
            {
                return candidate;
            }
            catch (IOException)
            {
            }
        }

        throw new InvalidOperationException("no write-only procfs entry to stand for an unreadable file (this suite needs Linux)");
    }

    [Theory]
    [InlineData("json file")]
    [InlineData(".env file")]
    public async Task An_unreadable_store_file_is_access_denied_naming_the_file(string which)
    {
        var path = which == ".env file" ? Path.Combine(_dir, ".env") : Path.Combine(_dir, "secrets", "locked.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, UnreadableFile());

        var act = () => Store().GetSecretAsync("locked", Ct);

        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Be($"Access denied: locked (cannot read {path})");
        error.ErrorCode.Should().Be(SecretErrors.AccessDeniedCode);
        error.Service.Should().Be(LocalSecretStore.ServiceName);
    }

    [Theory]
    [InlineData("{\"password\": \"" + Password + "\"")]
    [InlineData("[1, 2]")]
    [InlineData(Password)]
    public async Task Content_that_is_not_a_json_object_is_not_valid_json_without_quoting_it(string content)
    {
        _env["TRADAI_SECRET_BROKEN"] = content;
        var act = () => Store().GetSecretAsync("broken", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().StartWith("Secret broken is not valid JSON");
        error.ToString().Should().NotContain(Password);
    }

    [Fact]
    public async Task Rotation_status_says_not_rotated_with_the_file_time_as_last_change()
    {
        var fileTime = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var envFileTime = new DateTime(2022, 8, 9, 10, 11, 12, DateTimeKind.Utc);
        WriteSecretFile("rds", """{"password":"x"}""");
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "secrets", "rds.json"), fileTime);
        await File.WriteAllTextAsync(Path.Combine(_dir, ".env"), "TRADAI_SECRET_API='{\"k\":\"v\"}'\n", Ct);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, ".env"), envFileTime);
        _env["TRADAI_SECRET_TOKEN"] = """{"k":"v"}""";
        var store = Store();

        var fromFile = await store.GetRotationStatusAsync("rds", Ct);
        var fromEnvFile = await store.GetRotationStatusAsync("api", Ct);
        var fromVariable = await store.GetRotationStatusAsync("token", Ct);

        fromFile.Should().Be(new SecretRotationStatus("rds", false, null, null, new DateTimeOffset(fileTime), null));
        fromEnvFile.Should().Be(new SecretRotationStatus("api", false, null, null, new DateTimeOffset(envFileTime), null));
        fromVariable.Should().Be(new SecretRotationStatus("token", false, null, null, null, null), "a variable has no time of change");
    }

    [Fact]
    public async Task Secret_data_to_string_shows_keys_not_values()
    {
        _env["TRADAI_SECRET_S"] = $$"""{"password":"{{Password}}"}""";
        var secret = await Store(withEnvFile: false).GetSecretAsync("s", Ct);
        secret.ToString().Should().Contain("password").And.NotContain(Password);
    }

    [Fact]
    public void Dot_env_parsing_handles_quotes_escapes_comments_and_reports_lines_without_values()
    {
        var values = DotEnvFile.Parse("A=1\nexport B = \"x\\ny\" \nC='lit\\n' \nD=plain # note\n\n# c\nE=");
        values.Should().BeEquivalentTo(new Dictionary<string, string> { ["A"] = "1", ["B"] = "x\ny", ["C"] = "lit\\n", ["D"] = "plain", ["E"] = "" });

        var bad = () => DotEnvFile.Parse("OK=1\nSECRET='" + Password);
        bad.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("line 2").And.NotContain(Password);
    }
}
