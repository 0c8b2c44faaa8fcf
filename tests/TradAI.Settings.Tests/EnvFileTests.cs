using AwesomeAssertions;
using CsCheck;
using TradAI.Config.Core.DotEnv;
using TradAI.Config.Core.Errors;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

public sealed class EnvFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_service_local_env_file_beats_the_root_env_file_which_beats_defaults()
    {
        var local = _dir.Write("services/backend/.env", "BACKEND_PORT=8101\n");
        var root = _dir.Write(".env", "BACKEND_PORT=8102\nBACKEND_HOST=127.0.0.1\n");

        var resolution = SettingsLoader.Resolve<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), BaseDirectory = _dir.Path });

        resolution.Value.Port.Should().Be(8101);
        resolution.Value.Host.Should().Be("127.0.0.1");
        resolution.Value.Debug.Should().BeFalse();
        resolution.EnvFilesRead.Should().Equal(local, root);
    }

    [Fact]
    public void Explicit_env_files_are_read_in_the_order_given_first_wins()
    {
        var a = _dir.Write("a.env", "BACKEND_PORT=8201\n");
        var b = _dir.Write("b.env", "BACKEND_PORT=8202\nBACKEND_DEBUG=yes\n");

        var ab = SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [a, b] });
        var ba = SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [b, a] });

        ab.Port.Should().Be(8201);
        ba.Port.Should().Be(8202);
        ab.Debug.Should().BeTrue();
    }

    [Fact]
    public void Missing_default_env_files_are_skipped_but_a_missing_explicit_one_is_an_error()
    {
        var ok = () => SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), BaseDirectory = _dir.Path });
        var missing = () => SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(), EnvFiles = [Path.Combine(_dir.Path, "nope.env")] });

        ok.Should().NotThrow();
        missing.Should().Throw<NotFoundException>().WithMessage("*nope.env*does not exist*");
    }

    [Fact]
    public void Dotenv_syntax_quotes_comments_export_and_multiline_values()
    {
        const string Text = """
            # a comment
            export A=plain value # trailing comment
            B = 'single # not a comment'
            C="line1\nline2 \"quoted\""
            D="multi
            line"
            E=url#fragment
            F=
            """;

        var values = DotEnvParser.Parse(Text, "t.env");

        values["A"].Should().Be("plain value");
        values["B"].Should().Be("single # not a comment");
        values["C"].Should().Be("line1\nline2 \"quoted\"");
        values["D"].Should().Be("multi\nline");
        values["E"].Should().Be("url#fragment");
        values["F"].Should().BeEmpty();
    }

    [Fact]
    public void A_later_line_wins_and_keys_are_case_insensitive()
    {
        var values = DotEnvParser.Parse("KEY=first\nkey=second\n", "t.env", StringComparer.OrdinalIgnoreCase);

        values.Should().ContainSingle().Which.Value.Should().Be("second");
    }

    [Fact]
    public void Any_value_written_double_quoted_with_escapes_parses_back_unchanged()
    {
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.String)
            .Sample((key, value) =>
            {
                var escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
                var parsed = DotEnvParser.Parse($"# generated\nK_{key}=\"{escaped}\"\n", "p.env");
                return parsed.Count == 1 && parsed["K_" + key] == value;
            });
    }

    [Theory]
    [InlineData("NO_EQUALS_SIGN\n", "t.env:1")]
    [InlineData("A=1\nB=\"unterminated\n", "t.env:2")]
    [InlineData("1BAD=x\n", "t.env:1")]
    [InlineData("A='x' trailing\n", "t.env:1")]
    public void Malformed_env_files_are_refused_with_file_and_line(string text, string where)
    {
        var act = () => DotEnvParser.Parse(text, "t.env");

        act.Should().Throw<ConfigValidationException>().Which.Problems.Single().Path.Should().Be(where);
    }
}
