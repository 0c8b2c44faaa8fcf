using System.Net;
using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using Microsoft.Playwright;
using TradAI.Config.Testing;
using TradAI.Config.Web.Tests.Support;

namespace TradAI.Config.Web.Tests.Browser;

/// <summary>What a reviewer does in the browser: sign in, open a strategy, diff, activate, roll back, fix a validation error.</summary>
public sealed class ConsoleBrowserTests(BrowserConsole console) : IClassFixture<BrowserConsole>
{
    /// <summary>
    /// The strategy page's screenshot: <c>.run/</c> on every run; the README's copy in <c>docs/</c> with
    /// <c>TRADAI_UPDATE_SCREENSHOTS=1</c> (so a test run leaves the checkout clean).
    /// </summary>
    public static readonly string ScreenshotPath = Path.Combine(
        EmulatorEndpoints.RepositoryRoot,
        Environment.GetEnvironmentVariable("TRADAI_UPDATE_SCREENSHOTS") == "1" ? "docs" : ".run",
        "console-strategy.png");

    private const string Xss = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reviewer_signs_in_diffs_activates_and_rolls_back_and_sees_validation_errors()
    {
        var strategy = Documents.NewStrategy("momentum");
        var v1 = await CreateAsync(strategy, 1, ("note", "first release"));
        await ActivateAsync(strategy, v1);
        var v2 = await CreateAsync(strategy, 2, ("note", Xss));
        var page = await NewPageAsync(1280, 900);

        // Sign in: the token link sets the session cookie and lands on the strategy list.
        await page.GotoAsync(Url($"/login?token={TestTokens.LocalToken}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Strategies");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "tradai_console");
        (cookie.HttpOnly, cookie.SameSite).Should().Be((true, SameSiteAttribute.Strict));

        // Open the strategy.
        await page.GetByRole(AriaRole.Link, new() { Name = strategy }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(strategy);
        await Assertions.Expect(page.Locator("code.active-id")).ToHaveTextAsync(v1);

        // The XSS payload in v2's content is inert text wherever it shows.
        await page.Locator($"tr[data-config-id='{v2}']").GetByRole(AriaRole.Link, new() { Name = "Diff" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.diff")).ToContainTextAsync("<script>window.__xss = 1</script>");
        await Assertions.Expect(page.Locator("table.diff tr.changed")).ToHaveCountAsync(2);
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).Should().BeTrue("no injected script or handler ran");
        (await page.Locator("table.diff script, table.diff img").CountAsync()).Should().Be(0);

        // Activate v2: the confirmation shows the diff against what is active, then the version becomes active.
        await page.GotoAsync(Url($"/strategies/{strategy}"));
        await page.Locator($"tr[data-config-id='{v2}']").GetByRole(AriaRole.Link, new() { Name = "Activate…" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.diff tr.changed").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Activate {v2}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync($"{v2} is now active.");
        await Assertions.Expect(page.Locator("code.active-id")).ToHaveTextAsync(v2);
        await Assertions.Expect(page.Locator($"tr[data-config-id='{v1}'] .badge")).ToHaveTextAsync("deprecated");
        await Assertions.Expect(page.Locator("pre.yaml")).ToContainTextAsync("<script>window.__xss = 1</script>");
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).Should().BeTrue();

        // Roll back to v1: a new version with v1's content becomes active.
        await page.Locator($"tr[data-config-id='{v1}']").GetByRole(AriaRole.Link, new() { Name = "Roll back…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roll back to {v1}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Rolled back:");
        var rolledBack = await page.Locator("code.active-id").TextContentAsync();
        rolledBack.Should().StartWith("v3-");
        await Assertions.Expect(page.Locator("pre.yaml")).ToContainTextAsync("first release");

        // A validation error is shown with its paths, and the submitted text is kept.
        await page.Locator("#content").FillAsync("name: broken\nversion: one\ntimeframe: 5 minutes\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT]\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("timeframe");
        await Assertions.Expect(alert).ToContainTextAsync("version");
        await Assertions.Expect(page.Locator("#content")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("name: broken"));

        // The README's screenshot: the strategy page after the rollback.
        await page.GotoAsync(Url($"/strategies/{strategy}"));
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        new FileInfo(ScreenshotPath).Length.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public async Task The_strategy_page_fits_a_phone_without_horizontal_scrolling()
    {
        var strategy = Documents.NewStrategy("phone/strategy-with-a-rather-long-name");
        var v1 = await CreateAsync(strategy, 1, ("long_value", new string('x', 300)));
        await ActivateAsync(strategy, v1);
        await CreateAsync(strategy, 2);
        var page = await NewPageAsync(375, 740);
        await page.GotoAsync(Url($"/login?token={TestTokens.LocalToken}"));

        foreach (var path in new[] { "/", $"/strategies/{Uri.EscapeDataString(strategy)}" })
        {
            var response = await page.GotoAsync(Url(path));
            response!.Status.Should().Be((int)HttpStatusCode.OK);
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            sizes[0].Should().BeLessThanOrEqualTo(sizes[1], $"{path} must not scroll sideways on a phone");
        }
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await console.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = console.BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    private string Url(string path) => new Uri(console.BaseAddress, path).ToString();

    private async Task<string> CreateAsync(string strategy, int n, params (object Key, object? Value)[] extra)
    {
        using var api = console.Api();
        using var response = await api.PostAsync(
            $"/api/strategies/{Uri.EscapeDataString(strategy)}/versions", new StringContent(Documents.Yaml(n, extra), Encoding.UTF8, "application/yaml"), Ct);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("config_id").GetString()!;
    }

    private async Task ActivateAsync(string strategy, string id)
    {
        using var api = console.Api();
        using var response = await api.PostAsync($"/api/strategies/{Uri.EscapeDataString(strategy)}/versions/{id}/activate", null, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
