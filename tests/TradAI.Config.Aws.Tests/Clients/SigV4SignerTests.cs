using System.Text;
using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;

namespace TradAI.Config.Aws.Tests.Clients;

/// <summary>
/// The signer against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite: credentials AKIDEXAMPLE,
/// 2015-08-30T12:36:00Z, us-east-1, service "service"). Expected signatures are copied from the suite's .authz files.
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly ImmutableCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTime SuiteTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string Scope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

    public static TheoryData<string, string, string, string[], string, string> Vectors => new()
    {
        { "get-vanilla", "GET", "/", [], "", "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "post-vanilla", "POST", "/", [], "", "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", [], "", "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "post-vanilla-query", "POST", "/?Param1=value1", [], "", "SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-case", "POST", "/", ["MY-HEADER1:value1"], "", "SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST", "/", ["My-Header1:VALUE1"], "", "SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "get-header-value-trim", "GET", "/", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "", "SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "get-utf8", "GET", "/\u1234", [], "", "SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "post-x-www-form-urlencoded", "POST", "/", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1", "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signature_matches_the_aws_test_suite(string name, string method, string target, string[] headers, string body, string expected)
    {
        var uri = new Uri("https://example.amazonaws.com" + target);
        var given = headers.Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..]));

        var added = SigV4Signer.Sign(method, uri, given, Encoding.UTF8.GetBytes(body), Suite, "us-east-1", "service", SuiteTime);

        added.Single(h => h.Key == "Authorization").Value.Should().Be(Scope + expected, name);
        added.Single(h => h.Key == "X-Amz-Date").Value.Should().Be("20150830T123600Z");
    }

    [Fact]
    public void Canonical_request_of_get_vanilla_is_the_suite_creq()
    {
        var headers = new[] { new KeyValuePair<string, string>("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z") };
        var (creq, signed) = SigV4Signer.CanonicalRequest("GET", new Uri("https://example.amazonaws.com/"), headers, []);
        creq.Should().Be("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        signed.Should().Be("host;x-amz-date");
    }

    [Fact]
    public void Session_credentials_add_a_signed_security_token_header()
    {
        var session = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "TOKEN123");
        var added = SigV4Signer.Sign("POST", new Uri("https://example.amazonaws.com/"), [], [], session, "us-east-1", "service", SuiteTime);
        added.Should().Contain(new KeyValuePair<string, string>("X-Amz-Security-Token", "TOKEN123"));
        added.Single(h => h.Key == "Authorization").Value.Should().Contain("SignedHeaders=host;x-amz-date;x-amz-security-token");
    }

    [Fact]
    public void A_non_default_port_is_part_of_the_signed_host()
    {
        var headers = new List<KeyValuePair<string, string>>();
        var (creq, _) = SigV4Signer.CanonicalRequest("POST", new Uri("http://127.0.0.1:4566/"), [new("Host", "127.0.0.1:4566")], []);
        creq.Should().Contain("host:127.0.0.1:4566\n");
        var added = SigV4Signer.Sign("POST", new Uri("http://127.0.0.1:4566/"), headers, [], Suite, "us-east-1", "service", SuiteTime);
        added.Single(h => h.Key == "Authorization").Value.Should().Contain("SignedHeaders=host;x-amz-date");
    }
}
