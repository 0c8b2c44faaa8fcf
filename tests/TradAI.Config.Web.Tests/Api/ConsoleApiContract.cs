using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Web.Hosting;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Api;

/// <summary>
/// The JSON API against a real store: every route and status code, conditional activation under a race, auth, bounds.
/// Each backend's test class is a few lines that inherit this.
/// </summary>
public abstract class ConsoleApiContract<TBackend>(ConsoleFixture<TBackend> fixture)
    where TBackend : ConsoleBackend, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Local => fixture.Client();

    // ---- health, OpenAPI, unknown routes ----

    [Fact]
    public async Task Health_answers_200_without_credentials_when_the_stores_answer()
    {
        using var response = await fixture.Client(bearer: null).GetAsync("/health", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(response)).GetProperty("status").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_api_route()
    {
        using var response = await Local.GetAsync("/openapi/v1.json", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = (await Json(response)).GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().Contain([
            "/health", "/api/strategies", "/api/strategies/{name}/versions", "/api/strategies/{name}/versions/{id}",
            "/api/strategies/{name}/active", "/api/strategies/{name}/diff", "/api/strategies/{name}/versions/{id}/activate",
            "/api/strategies/{name}/rollback",
        ]);
        names.Should().NotContain(n => n.StartsWith("/strategies", StringComparison.Ordinal) || n == "/login", "pages are not part of the API");
        paths.GetProperty("/api/strategies/{name}/versions/{id}/activate").GetProperty("post").GetProperty("responses")
            .EnumerateObject().Select(r => r.Name).Should().Contain(["200", "409", "412", "422"]);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        using var response = await Local.GetAsync("/api/nothing-here", Ct);

        await ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var api = await Local.GetAsync("/api/strategies", Ct);
        using var page = await Local.GetAsync("/", Ct);

        foreach (var response in new[] { api, page })
        {
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Contain("script-src 'none'");
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
            response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        }
    }

    // ---- authentication and authorization ----

    [Theory]
    [InlineData("GET", "/api/strategies")]
    [InlineData("GET", "/api/strategies/x/versions")]
    [InlineData("GET", "/api/strategies/x/versions/v1-abcdef12")]
    [InlineData("GET", "/api/strategies/x/active")]
    [InlineData("GET", "/api/strategies/x/diff?from=v1-abcdef12&to=v2-abcdef12")]
    [InlineData("POST", "/api/strategies/x/versions")]
    [InlineData("POST", "/api/strategies/x/versions/v1-abcdef12/activate")]
    [InlineData("POST", "/api/strategies/x/rollback?to=v1-abcdef12")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Every_route_but_health_needs_credentials(string method, string path)
    {
        using var response = await fixture.Client(bearer: null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Wrong_forged_expired_and_foreign_credentials_are_401()
    {
        var tokens = new[]
        {
            "not-the-console-token-at-all",
            TestTokens.Forged(),
            TestTokens.Create("dana", [ConsoleJwtOptions.DeployersGroup], expires: DateTime.UtcNow.AddMinutes(-5)),
            TestTokens.Create("dana", [ConsoleJwtOptions.DeployersGroup], audience: "another-app"),
            TestTokens.Create("dana", [ConsoleJwtOptions.DeployersGroup], issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"),
        };

        foreach (var token in tokens)
        {
            using var response = await fixture.Client(token).GetAsync("/api/strategies", Ct);
            await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_reader_may_read_but_every_write_is_403_and_changes_nothing()
    {
        var strategy = Documents.NewStrategy();
        var draft = await CreateAsync(strategy, 1);
        var reader = fixture.Client(TestTokens.Reader());

        using (var read = await reader.GetAsync($"/api/strategies/{strategy}/versions", Ct))
        {
            read.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var create = await reader.PostAsync($"/api/strategies/{strategy}/versions", Yaml(Documents.Yaml(2)), Ct);
        using var activate = await reader.PostAsync($"/api/strategies/{strategy}/versions/{draft}/activate", null, Ct);
        using var rollback = await reader.PostAsync($"/api/strategies/{strategy}/rollback?to={draft}", null, Ct);

        await ExpectProblemAsync(create, HttpStatusCode.Forbidden);
        await ExpectProblemAsync(activate, HttpStatusCode.Forbidden);
        await ExpectProblemAsync(rollback, HttpStatusCode.Forbidden);
        using var versions = await Local.GetAsync($"/api/strategies/{strategy}/versions", Ct);
        (await Json(versions)).GetProperty("items").GetArrayLength().Should().Be(1);
        using var active = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);
        active.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deployer_may_write_and_created_by_is_the_authenticated_user()
    {
        var strategy = Documents.NewStrategy();
        var deployer = fixture.Client(TestTokens.Deployer("dana"));

        using var viaJwt = await deployer.PostAsync($"/api/strategies/{strategy}/versions", Yaml(Documents.Yaml(1)), Ct);
        using var viaToken = await Local.PostAsync($"/api/strategies/{strategy}/versions", Yaml(Documents.Yaml(2)), Ct);

        viaJwt.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Json(viaJwt)).GetProperty("version").GetProperty("created_by").GetString().Should().Be("dana");
        (await Json(viaToken)).GetProperty("version").GetProperty("created_by").GetString().Should().Be("local-ops");
    }

    [Fact]
    public async Task Activating_and_rolling_back_record_the_authenticated_user_as_deployed_by()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);
        var v2 = await CreateAsync(strategy, 2);

        using var byDana = await fixture.Client(TestTokens.Deployer("dana")).PostAsync($"/api/strategies/{strategy}/versions/{v1}/activate", null, Ct);
        using var byToken = await Local.PostAsync($"/api/strategies/{strategy}/versions/{v2}/activate", null, Ct);
        using var byErin = await fixture.Client(TestTokens.Deployer("erin")).PostAsync($"/api/strategies/{strategy}/rollback?to={v1}", null, Ct);

        (await Json(byDana)).GetProperty("activated").GetProperty("deployed_by").GetString().Should().Be("dana");
        var second = await Json(byToken);
        second.GetProperty("activated").GetProperty("deployed_by").GetString().Should().Be("local-ops");
        second.GetProperty("deprecated").GetProperty("deployed_by").GetString().Should().Be("dana");
        byErin.StatusCode.Should().Be(HttpStatusCode.Created);
        using var active = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);
        (await Json(active)).GetProperty("deployed_by").GetString().Should().Be("erin");
        using var list = await Local.GetAsync("/api/strategies", Ct);
        (await Json(list)).EnumerateArray().Single(r => r.GetProperty("name").GetString() == strategy).GetProperty("deployed_by").GetString().Should().Be("erin");
    }

    [Fact]
    public async Task A_created_by_field_in_the_body_is_content_not_the_creator()
    {
        var strategy = Documents.NewStrategy();

        using var response = await fixture.Client(TestTokens.Deployer("dana")).PostAsync(
            $"/api/strategies/{strategy}/versions", Yaml(Documents.Yaml(1, ("created_by", "someone-else"))), Ct);

        (await Json(response)).GetProperty("version").GetProperty("created_by").GetString().Should().Be("dana");
    }

    [Fact]
    public async Task Signing_in_with_the_token_sets_an_httponly_samesite_strict_cookie_that_authenticates()
    {
        using var bad = await fixture.Client(bearer: null).GetAsync("/login?token=wrong-token-wrong-token", Ct);
        bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        bad.Headers.Contains("Set-Cookie").Should().BeFalse();

        using var login = await fixture.Client(bearer: null).GetAsync($"/login?token={TestTokens.LocalToken}", Ct);

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.ToString().Should().Be("/");
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tradai_console=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict");
        var session = fixture.Client(bearer: null);
        session.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        using var strategies = await session.GetAsync("/api/strategies", Ct);
        strategies.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // ---- reading ----

    [Fact]
    public async Task The_strategy_list_has_every_strategy_with_versions_and_every_config_in_the_store()
    {
        var versioned = Documents.NewStrategy();
        var configOnly = Documents.NewStrategy();
        var v1 = await CreateAsync(versioned, 1);
        await CreateAsync(versioned, 2);
        await ActivateAsync(versioned, v1);
        await fixture.Backend.Configs.UploadAsync(configOnly, TradAI.Config.Testing.Versioning.StrategyContent.Valid(), Ct);

        using var response = await Local.GetAsync("/api/strategies", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = (await Json(response)).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        rows[versioned].GetProperty("active_config_id").GetString().Should().Be(v1);
        rows[versioned].GetProperty("version_count").GetInt32().Should().Be(2);
        rows[versioned].GetProperty("draft_count").GetInt32().Should().Be(1);
        rows[configOnly].GetProperty("active_config_id").ValueKind.Should().Be(JsonValueKind.Null);
        rows[configOnly].GetProperty("version_count").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Versions_list_newest_first_filter_by_status_and_page_with_next_token()
    {
        var strategy = Documents.NewStrategy();
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await CreateAsync(strategy, i));
        }

        await ActivateAsync(strategy, ids[1]);

        using var first = await Local.GetAsync($"/api/strategies/{strategy}/versions?limit=2", Ct);
        var page1 = await Json(first);
        var token = page1.GetProperty("next_token").GetString();
        using var second = await Local.GetAsync($"/api/strategies/{strategy}/versions?limit=2&next_token={Uri.EscapeDataString(token!)}", Ct);
        using var active = await Local.GetAsync($"/api/strategies/{strategy}/versions?status=active", Ct);

        Ids(page1).Should().Equal(ids[4], ids[3]);
        Ids(await Json(second)).Should().Equal(ids[2], ids[1]);
        Ids(await Json(active)).Should().Equal(ids[1]);
        page1.GetProperty("items")[0].TryGetProperty("config_data", out _).Should().BeFalse("lists do not carry content");
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?limit=1001")]
    [InlineData("?status=live")]
    [InlineData("?next_token=not-a-token")]
    public async Task Bad_list_parameters_are_400(string query)
    {
        var strategy = Documents.NewStrategy();
        await CreateAsync(strategy, 1);

        using var response = await Local.GetAsync($"/api/strategies/{strategy}/versions{query}", Ct);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_strategies_and_versions_are_404_and_malformed_ones_400()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);

        using var unknownStrategy = await Local.GetAsync($"/api/strategies/{Documents.NewStrategy()}/versions", Ct);
        using var unknownVersion = await Local.GetAsync($"/api/strategies/{strategy}/versions/v9-abcdef12", Ct);
        using var badName = await Local.GetAsync("/api/strategies/-bad%20name/versions", Ct);
        using var badId = await Local.GetAsync($"/api/strategies/{strategy}/versions/latest", Ct);
        using var found = await Local.GetAsync($"/api/strategies/{strategy}/versions/{v1}", Ct);

        await ExpectProblemAsync(unknownStrategy, HttpStatusCode.NotFound);
        await ExpectProblemAsync(unknownVersion, HttpStatusCode.NotFound);
        await ExpectProblemAsync(badName, HttpStatusCode.BadRequest);
        await ExpectProblemAsync(badId, HttpStatusCode.BadRequest);
        found.StatusCode.Should().Be(HttpStatusCode.OK);
        found.Headers.ETag!.Tag.Should().Be($"\"{v1}\"");
        (await Json(found)).GetProperty("config_data").GetProperty("max_open_trades").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Strategy_names_with_a_slash_travel_as_percent_2F()
    {
        var strategy = $"team/{Documents.NewStrategy()}";
        var v1 = await CreateAsync(strategy, 1);

        using var response = await Local.GetAsync($"/api/strategies/{Uri.EscapeDataString(strategy)}/versions/{v1}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(response)).GetProperty("strategy_name").GetString().Should().Be(strategy);
    }

    [Fact]
    public async Task Active_is_404_until_a_version_is_activated_then_it_has_content_and_an_etag()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);

        using var none = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);
        await ExpectProblemAsync(none, HttpStatusCode.NotFound);
        await ActivateAsync(strategy, v1);
        using var active = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);

        active.StatusCode.Should().Be(HttpStatusCode.OK);
        active.Headers.ETag!.Tag.Should().Be($"\"{v1}\"");
        var body = await Json(active);
        body.GetProperty("status").GetString().Should().Be("active");
        body.GetProperty("deployed_at").ValueKind.Should().Be(JsonValueKind.String);
        body.GetProperty("config_data").GetProperty("timeframe").GetString().Should().Be("5m");
    }

    [Fact]
    public async Task Diff_lists_added_removed_and_changed_paths()
    {
        var strategy = Documents.NewStrategy();
        var a = await CreateAsync(strategy, 1, ("old_only", "x"));
        var b = await CreateAsync(strategy, 2, ("new_only", true));

        using var response = await Local.GetAsync($"/api/strategies/{strategy}/diff?from={a}&to={b}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var diff = await Json(response);
        diff.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Equal("new_only");
        diff.GetProperty("removed").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Should().Equal("old_only");
        var changed = diff.GetProperty("changed").EnumerateArray().Single();
        changed.GetProperty("path").GetString().Should().Be("max_open_trades");
        (changed.GetProperty("old").GetInt64(), changed.GetProperty("new").GetInt64()).Should().Be((1, 2));
    }

    [Fact]
    public async Task Diff_needs_both_ids_and_known_versions()
    {
        var strategy = Documents.NewStrategy();
        var a = await CreateAsync(strategy, 1);

        using var missing = await Local.GetAsync($"/api/strategies/{strategy}/diff?from={a}", Ct);
        using var unknown = await Local.GetAsync($"/api/strategies/{strategy}/diff?from={a}&to=v7-00000000", Ct);

        await ExpectProblemAsync(missing, HttpStatusCode.BadRequest);
        await ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    // ---- creating ----

    [Fact]
    public async Task Creating_from_yaml_or_json_is_201_and_the_same_content_again_is_200_not_created()
    {
        var strategy = Documents.NewStrategy();

        using var created = await Local.PostAsync($"/api/strategies/{strategy}/versions", Yaml(Documents.Yaml(1)), Ct);
        using var again = await Local.PostAsync($"/api/strategies/{strategy}/versions", new StringContent(Documents.Json(1), Encoding.UTF8, "application/json"), Ct);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var first = await Json(created);
        first.GetProperty("created").GetBoolean().Should().BeTrue();
        first.GetProperty("status").GetString().Should().Be("draft");
        var id = first.GetProperty("config_id").GetString();
        created.Headers.Location!.ToString().Should().Be($"/api/strategies/{strategy}/versions/{id}");
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await Json(again);
        second.GetProperty("created").GetBoolean().Should().BeFalse();
        second.GetProperty("config_id").GetString().Should().Be(id);
    }

    [Fact]
    public async Task Invalid_content_is_422_with_every_problem_and_its_path()
    {
        var strategy = Documents.NewStrategy();

        using var response = await Local.PostAsync(
            $"/api/strategies/{strategy}/versions", Yaml("name: x\nversion: one\ntimeframe: 5 minutes\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n"), Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString());
        errors.Keys.Should().Contain(["version", "timeframe"]);
        using var none = await Local.GetAsync($"/api/strategies/{strategy}/versions", Ct);
        none.StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was stored");
    }

    [Theory]
    [InlineData("application/yaml", "pairs: [unclosed\n")]
    [InlineData("application/json", "{\"name\": \"x\",")]
    [InlineData("application/yaml", "- a list\n- not a mapping\n")]
    [InlineData("application/yaml", "")]
    [InlineData("application/json", "{\"a\": 1, \"a\": 2}")]
    public async Task Malformed_bodies_are_400(string type, string body)
    {
        var strategy = Documents.NewStrategy();

        using var response = await Local.PostAsync($"/api/strategies/{strategy}/versions", new StringContent(body, Encoding.UTF8, type), Ct);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        using var content = new ByteArrayContent([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");

        using var response = await Local.PostAsync($"/api/strategies/{Documents.NewStrategy()}/versions", content, Ct);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Other_media_types_are_415()
    {
        using var response = await Local.PostAsync($"/api/strategies/{Documents.NewStrategy()}/versions", new StringContent(Documents.Yaml(1), Encoding.UTF8, "text/plain"), Ct);

        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_with_or_without_a_content_length()
    {
        var limit = fixture.Factory.Options.Input.MaxDocumentBytes;
        var big = "name: x\npad: \"" + new string('a', limit) + "\"\n";

        using var declared = await Local.PostAsync($"/api/strategies/{Documents.NewStrategy()}/versions", Yaml(big), Ct);
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/strategies/{Documents.NewStrategy()}/versions") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        using var chunked = await Local.SendAsync(request, Ct);

        await ExpectProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge);
        await ExpectProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge);
    }

    // ---- activating and rolling back ----

    [Fact]
    public async Task Activating_a_draft_is_200_with_what_it_deprecated_and_again_is_409()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);
        var v2 = await CreateAsync(strategy, 2);
        await ActivateAsync(strategy, v1);

        using var response = await Local.PostAsync($"/api/strategies/{strategy}/versions/{v2}/activate", null, Ct);
        using var again = await Local.PostAsync($"/api/strategies/{strategy}/versions/{v2}/activate", null, Ct);
        using var deprecated = await Local.PostAsync($"/api/strategies/{strategy}/versions/{v1}/activate", null, Ct);
        using var unknown = await Local.PostAsync($"/api/strategies/{strategy}/versions/v9-00000000/activate", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Json(response);
        body.GetProperty("activated").GetProperty("config_id").GetString().Should().Be(v2);
        body.GetProperty("deprecated").GetProperty("config_id").GetString().Should().Be(v1);
        body.GetProperty("deprecated").GetProperty("superseded_by").GetString().Should().Be(v2);
        await ExpectProblemAsync(again, HttpStatusCode.Conflict);
        await ExpectProblemAsync(deprecated, HttpStatusCode.Conflict);
        await ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_match_makes_activation_conditional_on_the_active_version()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);
        var v2 = await CreateAsync(strategy, 2);
        var v3 = await CreateAsync(strategy, 3);

        using var firstWhenNone = await ActivateWithAsync(strategy, v1, ifNoneMatch: "*");
        using var stale = await ActivateWithAsync(strategy, v2, ifMatch: "\"v2-00000000\"");
        using var noneExpected = await ActivateWithAsync(strategy, v2, ifNoneMatch: "*");
        using var current = await ActivateWithAsync(strategy, v2, ifMatch: $"\"{v1}\"");
        using var malformed = await ActivateWithAsync(strategy, v3, ifMatch: "v2-no-quotes");
        using var weak = await ActivateWithAsync(strategy, v3, ifMatch: $"W/\"{v2}\"");

        firstWhenNone.StatusCode.Should().Be(HttpStatusCode.OK);
        var problem = await ExpectProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        problem.GetProperty("detail").GetString().Should().Contain(v1);
        await ExpectProblemAsync(noneExpected, HttpStatusCode.PreconditionFailed);
        current.StatusCode.Should().Be(HttpStatusCode.OK);
        current.Headers.ETag!.Tag.Should().Be($"\"{v2}\"");
        await ExpectProblemAsync(malformed, HttpStatusCode.BadRequest);
        await ExpectProblemAsync(weak, HttpStatusCode.BadRequest);
        using var active = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);
        (await Json(active)).GetProperty("config_id").GetString().Should().Be(v2);
    }

    [Fact]
    public async Task Two_activations_with_the_same_if_match_race_and_exactly_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var strategy = Documents.NewStrategy();
            var seed = await CreateAsync(strategy, 0);
            await ActivateAsync(strategy, seed);
            var a = await CreateAsync(strategy, 1);
            var b = await CreateAsync(strategy, 2);

            using var start = new SemaphoreSlim(0);
            async Task<HttpResponseMessage> Race(string id)
            {
                await start.WaitAsync(Ct);
                return await ActivateWithAsync(strategy, id, ifMatch: $"\"{seed}\"");
            }

            var racers = new[] { Task.Run(() => Race(a), Ct), Task.Run(() => Race(b), Ct) };
            start.Release(2);
            var responses = await Task.WhenAll(racers);

            responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]);
            var winner = await Json(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            using var active = await Local.GetAsync($"/api/strategies/{strategy}/active", Ct);
            (await Json(active)).GetProperty("config_id").GetString().Should().Be(winner.GetProperty("activated").GetProperty("config_id").GetString());
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task Rollback_is_201_with_a_new_active_version_of_the_old_content()
    {
        var strategy = Documents.NewStrategy();
        var v1 = await CreateAsync(strategy, 1);
        var v2 = await CreateAsync(strategy, 2);
        await ActivateAsync(strategy, v1);
        await ActivateAsync(strategy, v2);

        using var stale = await RollbackWithAsync(strategy, v1, ifMatch: $"\"{v1}\"");
        using var missing = await Local.PostAsync($"/api/strategies/{strategy}/rollback", null, Ct);
        using var unknown = await RollbackWithAsync(strategy, "v8-00000000");
        using var response = await RollbackWithAsync(strategy, v1, ifMatch: $"\"{v2}\"");

        await ExpectProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await ExpectProblemAsync(missing, HttpStatusCode.BadRequest);
        await ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await Json(response);
        body.GetProperty("created").GetBoolean().Should().BeTrue();
        body.GetProperty("activated").GetProperty("version_number").GetInt32().Should().Be(3);
        body.GetProperty("activated").GetProperty("created_by").GetString().Should().Be("local-ops");
        body.GetProperty("deprecated").GetProperty("config_id").GetString().Should().Be(v2);
        using var diff = await Local.GetAsync($"/api/strategies/{strategy}/diff?from={v1}&to={body.GetProperty("activated").GetProperty("config_id").GetString()}", Ct);
        (await Json(diff)).GetProperty("changed").GetArrayLength().Should().Be(0, "the rollback has v1's content");
    }

    // ---- helpers ----

    private static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    private async Task<string> CreateAsync(string strategy, int n, params (object Key, object? Value)[] extra)
    {
        using var response = await Local.PostAsync($"/api/strategies/{Uri.EscapeDataString(strategy)}/versions", Yaml(Documents.Yaml(n, extra)), Ct);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await Json(response)).GetProperty("config_id").GetString()!;
    }

    private async Task ActivateAsync(string strategy, string id)
    {
        using var response = await Local.PostAsync($"/api/strategies/{strategy}/versions/{id}/activate", null, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<HttpResponseMessage> ActivateWithAsync(string strategy, string id, string? ifMatch = null, string? ifNoneMatch = null) =>
        SendConditionalAsync($"/api/strategies/{strategy}/versions/{id}/activate", ifMatch, ifNoneMatch);

    private Task<HttpResponseMessage> RollbackWithAsync(string strategy, string to, string? ifMatch = null) =>
        SendConditionalAsync($"/api/strategies/{strategy}/rollback?to={to}", ifMatch, null);

    private Task<HttpResponseMessage> SendConditionalAsync(string path, string? ifMatch, string? ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return Local.SendAsync(request, Ct);
    }

    private static List<string?> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("config_id").GetString())];

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }
}
