using System.Net;
using System.Text;
using AwesomeAssertions;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>The server-rendered pages over HTTP: encoding of stored values, antiforgery on forms, read-only users.</summary>
public sealed class ConsolePageTests(ConsoleFixture<SqliteBackend> fixture) : IClassFixture<ConsoleFixture<SqliteBackend>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_script_in_a_config_value_is_rendered_as_text()
    {
        var strategy = Documents.NewStrategy();
        await CreateAndActivateAsync(strategy, Documents.Yaml(1, ("note", "<script>alert(1)</script>\"><img src=x onerror=alert(2)>")));

        using var page = await fixture.Client().GetAsync($"/strategies/{strategy}", Ct);

        var html = await page.Content.ReadAsStringAsync(Ct);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().NotContain("<script").And.NotContain("<img");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task The_pages_show_when_and_by_whom_the_active_version_was_deployed()
    {
        var strategy = Documents.NewStrategy();
        var id = await CreateAsync(strategy, Documents.Yaml(1));
        using var activate = await fixture.Client(TestTokens.Deployer("dana <ops>")).PostAsync($"/api/strategies/{strategy}/versions/{id}/activate", null, Ct);
        activate.StatusCode.Should().Be(HttpStatusCode.OK);

        var list = await fixture.Client().GetStringAsync("/", Ct);
        var page = await fixture.Client().GetStringAsync($"/strategies/{strategy}", Ct);

        list.Should().Contain("<th>Deployed by</th>");
        var row = list[list.IndexOf($">{strategy}<", StringComparison.Ordinal)..];
        row[..row.IndexOf("</tr>", StringComparison.Ordinal)].Should().Contain("<td>dana &lt;ops&gt;</td>");
        page.Should().Contain(" by dana &lt;ops&gt;, created by ");
        page.Should().NotContain("dana <ops>");
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var strategy = Documents.NewStrategy();
        var id = await CreateAsync(strategy, Documents.Yaml(1));

        using var response = await fixture.Client().PostAsync(
            $"/strategies/{strategy}/versions/{id}/activate", new FormUrlEncodedContent([new("expected", "")]), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var active = await fixture.Client().GetAsync($"/api/strategies/{strategy}/active", Ct);
        active.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reader_sees_no_write_buttons_and_cannot_open_the_confirmation_page()
    {
        var strategy = Documents.NewStrategy();
        var id = await CreateAsync(strategy, Documents.Yaml(1));
        var reader = fixture.Client(TestTokens.Reader());

        using var page = await reader.GetAsync($"/strategies/{strategy}", Ct);
        using var confirm = await reader.GetAsync($"/strategies/{strategy}/versions/{id}/activate", Ct);

        var html = await page.Content.ReadAsStringAsync(Ct);
        html.Should().Contain(id).And.Contain("read-only").And.NotContain("Activate…").And.NotContain("Create draft");
        confirm.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        confirm.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task Pages_without_credentials_answer_401_with_a_sign_in_page()
    {
        using var page = await fixture.Client(bearer: null).GetAsync("/", Ct);

        page.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await page.Content.ReadAsStringAsync(Ct)).Should().Contain("/login?token=");
    }

    private async Task<string> CreateAsync(string strategy, string yaml)
    {
        using var response = await fixture.Client().PostAsync($"/api/strategies/{strategy}/versions", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("config_id").GetString()!;
    }

    private async Task CreateAndActivateAsync(string strategy, string yaml)
    {
        var id = await CreateAsync(strategy, yaml);
        using var response = await fixture.Client().PostAsync($"/api/strategies/{strategy}/versions/{id}/activate", null, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
