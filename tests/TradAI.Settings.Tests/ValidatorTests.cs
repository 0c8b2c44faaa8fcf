using AwesomeAssertions;
using TradAI.Settings.Fields;
using TradAI.Settings.Validation;

namespace TradAI.Settings.Tests;

public sealed class ValidatorTests
{
    [Theory]
    [InlineData("http://localhost:8002", true)]
    [InlineData("https://api.example.com/v1", true)]
    [InlineData("ftp://files.example.com", false)]
    [InlineData("localhost:8002", false)]
    [InlineData("/relative/path", false)]
    [InlineData("not a url", false)]
    public void Url(string value, bool ok) => (SettingValidators.Url(value) is null).Should().Be(ok);

    [Theory]
    [InlineData(1, true)]
    [InlineData(8000, true)]
    [InlineData(65535, true)]
    [InlineData(0, false)]
    [InlineData(65536, false)]
    [InlineData(-1, false)]
    public void Port_range(int value, bool ok) => (SettingValidators.Port(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("DEBUG", true)]
    [InlineData("info", true)]
    [InlineData("Warning", true)]
    [InlineData("CRITICAL", true)]
    [InlineData("TRACE", false)]
    [InlineData("verbose", false)]
    public void Log_level(string value, bool ok) => (SettingValidators.LogLevel(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("tradai-configs-dev", true)]
    [InlineData("my.bucket.name", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("a-very-long-bucket-name-that-goes-on-and-on-past-sixty-three-chars", false)]
    [InlineData("Uppercase", false)]
    [InlineData("under_score", false)]
    [InlineData("-starts-with-hyphen", false)]
    [InlineData("ends-with-hyphen-", false)]
    [InlineData("two..dots", false)]
    [InlineData("192.168.5.4", false)]
    [InlineData("xn--bucket", false)]
    [InlineData("sthree-bucket", false)]
    [InlineData("amzn-s3-demo-bucket", false)]
    [InlineData("bucket-s3alias", false)]
    [InlineData("bucket--ol-s3", false)]
    [InlineData("bucket.mrap", false)]
    [InlineData("bucket--x-s3", false)]
    [InlineData("bucket--table-s3", false)]
    public void S3_bucket_name_follows_aws_naming_rules(string value, bool ok) => (SettingValidators.S3BucketName(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/backtests", true)]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs.fifo", true)]
    [InlineData("https://us-east-1.queue.amazonaws.com/123456789012/legacy", true)]
    [InlineData("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q", true)]
    [InlineData("http://127.0.0.1:9324/000000000000/local-queue", true)]
    [InlineData("http://sqs.us-east-1.amazonaws.com/123456789012/q", false)]
    [InlineData("https://s3.us-east-1.amazonaws.com/123456789012/q", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/12345/q", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/bad name", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/q/extra", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/q?x=1", false)]
    [InlineData("sqs://queue", false)]
    public void Sqs_queue_url(string value, bool ok) => (SettingValidators.SqsQueueUrl(value) is null).Should().Be(ok);

    [Fact]
    public void Sqs_queue_names_are_at_most_80_characters()
    {
        SettingValidators.SqsQueueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/" + new string('q', 80)).Should().BeNull();
        SettingValidators.SqsQueueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/" + new string('q', 81)).Should().Contain("80");
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:backtest", true)]
    [InlineData("arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:x", true)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f", false)]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:a", false)]
    [InlineData("arn:aws:states:::stateMachine:x", false)]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:", false)]
    [InlineData("not-an-arn", false)]
    public void State_machine_arn(string value, bool ok) => (SettingValidators.StateMachineArn(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket", true)]
    [InlineData("arn:aws:iam::123456789012:role/x", true)]
    [InlineData("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c", true)]
    [InlineData("arn:other:s3:::b", false)]
    [InlineData("arn:aws:s3", false)]
    [InlineData("arn:aws:iam::12345:role/x", false)]
    public void Arn_format(string value, bool ok) => (SettingValidators.Arn(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("eu-central-2", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("useast1", false)]
    [InlineData("US-EAST-1", false)]
    public void Aws_region(string value, bool ok) => (SettingValidators.AwsRegion(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("tradai-config-versions-dev", true)]
    [InlineData("ab", false)]
    [InlineData("has space", false)]
    public void DynamoDb_table_name(string value, bool ok) => (SettingValidators.DynamoDbTableName(value) is null).Should().Be(ok);

    [Theory]
    [InlineData("tradai-dev", true)]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:cluster/tradai", true)]
    [InlineData("bad cluster", false)]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/x", false)]
    public void Ecs_cluster(string value, bool ok) => (SettingValidators.EcsCluster(value) is null).Should().Be(ok);

    [Theory]
    [InlineData(new[] { "*" }, true)]
    [InlineData(new[] { "https://app.example.com", "http://localhost:3000" }, true)]
    [InlineData(new[] { "https://app.example.com/path" }, false)]
    [InlineData(new[] { "https://app.example.com/" }, false)]
    [InlineData(new[] { "app.example.com" }, false)]
    public void Cors_origins(string[] value, bool ok) => (SettingValidators.CorsOrigins(StringList.Of(value)) is null).Should().Be(ok);

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    public void Booleans_accept_pydantic_spellings(string text, bool expected) => ValueParsers.Boolean(text).Value.Should().Be(expected);

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public void Booleans_refuse_other_text(string text) => ValueParsers.Boolean(text).Ok.Should().BeFalse();

    [Theory]
    [InlineData("8080", true)]
    [InlineData(" 8080 ", true)]
    [InlineData("80.5", false)]
    [InlineData("eighty", false)]
    [InlineData("99999999999", false)]
    public void Integers(string text, bool ok) => ValueParsers.Integer(text).Ok.Should().Be(ok);
}
