using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Overrides;

/// <summary>Malformed and conflicting overrides fail before synthesis, with an error naming the context key.</summary>
public sealed class OverrideValidationTests
{
    private static ConfigValidationException Rejects(DeploymentEnvironment env, params (string Key, object? Value)[] context)
    {
        var ctx = InfraContext.From(context.Select(c => new KeyValuePair<string, object?>(c.Key, c.Value)));
        var act = () => InfraConfigResolver.Resolve(env, ctx);
        return act.Should().Throw<ConfigValidationException>().Which;
    }

    [Theory]
    [InlineData("consolidated_mode", "yes")]
    [InlineData("consolidated_mode", "1")]
    [InlineData("skip_alb", "maybe")]
    [InlineData("skip_alb", "")]
    [InlineData("custom_ami_id", "ami-xyz")]
    [InlineData("custom_ami_id", "image-0123456789abcdef0")]
    [InlineData("drift_monitor_schedule", "every day")]
    [InlineData("drift_monitor_schedule", "rate(0 hours)")]
    [InlineData("health_check_schedule", "rate(1 minutes)")]
    [InlineData("data_refresh_schedule", "rate(5 minute)")]
    [InlineData("cleanup_schedule", "cron(0 3 * * *)")]
    [InlineData("cleanup_schedule", "cron(0 3 1 * MON *)")]
    [InlineData("strategy_ecr_repos", "[\"Momentum Strategy\"]")]
    [InlineData("strategy_ecr_repos", "[1, 2]")]
    [InlineData("strategy_ecr_repos", "[\"a\",")]
    [InlineData("strategy_ecr_repos", "momentum,momentum")]
    [InlineData("cors_allowed_origins", "ftp://files.example.com")]
    [InlineData("cors_allowed_origins", "https://app.example.com/path")]
    [InlineData("cors_allowed_origins", "*,https://app.example.com")]
    [InlineData("cors_allowed_origins", "app.example.com")]
    [InlineData("project_name", "TradAI")]
    [InlineData("region", "mars-north-1")]
    public void A_malformed_value_is_refused_naming_its_key(string key, string value)
    {
        var error = Rejects(DeploymentEnvironment.Staging, (key, value), ("consolidated_mode", key == "consolidated_mode" ? value : "true"));
        error.Problems.Should().ContainSingle(p => p.Path == "context." + key);
        error.Message.Should().Contain("context." + key);
    }

    [Fact]
    public void A_custom_ami_with_consolidated_mode_off_is_a_conflict()
    {
        var error = Rejects(DeploymentEnvironment.Dev, ("consolidated_mode", "false"), ("custom_ami_id", "ami-0123456789abcdef0"));
        error.Problems.Should().ContainSingle().Which.Path.Should().Be("context.custom_ami_id");
        error.Message.Should().Contain("consolidated_mode is false");
    }

    [Fact]
    public void A_custom_ami_in_prod_needs_consolidated_mode_turned_on_explicitly()
    {
        Rejects(DeploymentEnvironment.Prod, ("custom_ami_id", "ami-0123456789abcdef0")).Message.Should().Contain("set consolidated_mode=true");
        InfraConfigResolver.Resolve(DeploymentEnvironment.Prod, InfraContext.From(new Dictionary<string, object?>
        {
            ["consolidated_mode"] = "true",
            ["custom_ami_id"] = "ami-0123456789abcdef0",
        })).Compute.Ec2.CustomAmiId.Should().Be("ami-0123456789abcdef0");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Rejects(DeploymentEnvironment.Prod, ("skip_alb", "yes"), ("drift_monitor_schedule", "rate(1 days)"), ("custom_ami_id", "ami-0123456789abcdef0"));
        error.Problems.Select(p => p.Path).Should().BeEquivalentTo("context.skip_alb", "context.drift_monitor_schedule", "context.custom_ami_id");
        error.Message.Should().StartWith("Invalid infrastructure overrides for prod (3 problems)");
    }

    [Fact]
    public void User_input_in_an_error_is_sanitized()
    {
        var error = Rejects(DeploymentEnvironment.Dev, ("custom_ami_id", "ami-\u001b[2J\u202E<b>"));
        error.Message.Should().NotContain("\u001b").And.NotContain("\u202E").And.Contain("ami-\\u001B[2J\\u202E<b>");
    }

    [Theory]
    [InlineData("")]
    [InlineData("production")]
    [InlineData("qa")]
    public void An_unknown_environment_is_refused(string env)
    {
        var act = () => InfraConfigResolver.Resolve(InfraSources.FromContext(InfraContext.From([new("environment", env)])));
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("context.environment").And.Contain("expected one of dev, staging, prod");
    }

    [Fact]
    public void A_missing_environment_says_how_to_give_one()
    {
        var act = () => InfraConfigResolver.Resolve(InfraSources.FromContext(InfraContext.Empty));
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("--env").And.Contain("-c environment=");
    }

    [Fact]
    public void Command_line_context_refuses_unknown_keys_and_missing_equals()
    {
        var act = () => InfraContext.Parse(["consolidated_mod=false", "skip_alb"]);
        var error = act.Should().Throw<ConfigValidationException>().Which;
        error.Problems.Should().HaveCount(2);
        error.Message.Should().Contain("context.consolidated_mod").And.Contain("known keys: environment, project_name");
        error.Message.Should().Contain("'skip_alb' is not key=value");
    }
}
