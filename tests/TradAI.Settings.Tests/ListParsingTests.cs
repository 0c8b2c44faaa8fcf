using AwesomeAssertions;
using CsCheck;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Settings.Fields;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

public sealed class ListParsingTests
{
    [Theory]
    [InlineData("https://a.example.com", new[] { "https://a.example.com" })]
    [InlineData("https://a.example.com, https://b.example.com", new[] { "https://a.example.com", "https://b.example.com" })]
    [InlineData("  https://a.example.com ,https://b.example.com  ", new[] { "https://a.example.com", "https://b.example.com" })]
    [InlineData("[\"https://a.example.com\", \"https://b.example.com\"]", new[] { "https://a.example.com", "https://b.example.com" })]
    [InlineData("[]", new string[0])]
    [InlineData("*", new[] { "*" })]
    public void List_fields_accept_comma_separated_text_and_json_arrays(string text, string[] expected)
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_CORS_ORIGINS", text)));

        settings.CorsOrigins.Should().Equal(expected);
    }

    [Theory]
    [InlineData("a,,b", "empty item at position 2")]
    [InlineData("a,", "empty item at position 2")]
    [InlineData("[\"a\",", "not a valid JSON array")]
    [InlineData("[\"a\", [\"b\"]]", "nested value")]
    [InlineData("[\"a\"] x", "not a valid JSON array")]
    [InlineData("[\"\"]", "empty item at position 1")]
    public void Malformed_lists_are_refused_with_the_reason(string text, string reason)
    {
        var parsed = ValueParsers.List(text);

        parsed.Ok.Should().BeFalse();
        parsed.Error.Should().Contain(reason);
    }

    [Fact]
    public void A_bad_list_in_the_environment_names_the_variable()
    {
        var act = () => SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_CORS_ORIGINS", "https://a.example.com,,https://b.example.com")));

        act.Should().Throw<ConfigValidationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Match<ValidationProblem>(p => p.Path == "cors_origins" && p.Message.Contains("env BACKEND_CORS_ORIGINS") && p.Message.Contains("empty item"));
    }

    [Fact]
    public void A_yaml_sequence_sets_a_list_field()
    {
        var tree = ConfigMapping.Of(("cors_origins", ConfigSequence.Of("https://a.example.com", "https://b.example.com")));

        var settings = SettingsLoader.FromConfig<BackendSettings>(tree, TestEnv.Options());

        settings.CorsOrigins.Should().Equal("https://a.example.com", "https://b.example.com");
    }

    [Fact]
    public void A_list_given_to_a_scalar_field_is_refused()
    {
        var tree = ConfigMapping.Of(("port", ConfigSequence.Of(1L, 2L)));

        var act = () => SettingsLoader.FromConfig<BackendSettings>(tree, TestEnv.Options());

        act.Should().Throw<ConfigValidationException>().WithMessage("*port*not a list*");
    }

    [Fact]
    public void List_parsing_round_trips_any_items_without_commas()
    {
        Gen.String[1, 20].Where(s => !s.Contains(',') && s.Trim().Length > 0 && !s.TrimStart().StartsWith('['))
            .Array[1, 6]
            .Sample(items =>
            {
                var parsed = ValueParsers.List(string.Join(",", items));
                return parsed.Ok && parsed.Value.SequenceEqual(items.Select(i => i.Trim()));
            });
    }
}
