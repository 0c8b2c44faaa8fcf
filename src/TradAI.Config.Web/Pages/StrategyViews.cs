using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Web.Api.Contracts;
using TradAI.Config.Web.Catalog;
using TradAI.Config.Web.Security;

namespace TradAI.Config.Web.Pages;

/// <summary>The console's views: pure functions from Core values to encoded markup (see <see cref="Html"/>).</summary>
internal static class StrategyViews
{
    public static void Strategies(Html html, IReadOnlyList<StrategyOverview> rows)
    {
        html.Raw("<h1>Strategies</h1>");
        if (rows.Count == 0)
        {
            html.Element("p", "No strategy has versions or a config in the store yet. Create one with 'tradai version create'.", "muted");
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"list\"><thead><tr><th>Strategy</th><th>Active version</th><th>Deployed</th><th>Deployed by</th><th>Drafts waiting</th><th>Versions</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw("<tr><td>").Link(ConsoleUrls.Strategy(row.Name), row.Name, "strategy").Raw("</td><td>");
            if (row.Active is { } active)
            {
                html.Element("code", active.ConfigId);
            }
            else
            {
                html.Element("span", "none", "muted");
            }

            html.Raw("</td><td>").Text(Html.Time(row.Active?.DeployedAt)).Raw("</td><td>").Text(row.Active?.DeployedBy ?? "—").Raw("</td><td>");
            if (row.DraftCount > 0)
            {
                html.Element("span", row.DraftCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "badge draft");
            }
            else
            {
                html.Text("0");
            }

            html.Raw("</td><td>").Text(row.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    /// <summary>The strategy page: notice, active config, history with actions, compare form, new-version form.</summary>
    public static void Strategy(
        Html html, HttpContext context, string name, IReadOnlyList<ConfigVersion> history, bool more, string? notice,
        string? submitted = null, IReadOnlyList<ProblemEntry>? problems = null, string? problemSummary = null)
    {
        var active = history.FirstOrDefault(v => v.Status == ConfigVersionStatus.Active);
        var deployer = ConsoleUser.IsDeployer(context.User);
        html.Raw("<p class=\"crumbs\">").Link(ConsoleUrls.Home, "Strategies").Raw(" / </p>").Element("h1", name);
        if (notice is not null)
        {
            html.Raw("<p class=\"notice\" role=\"status\">").Text(notice).Raw("</p>");
        }

        html.Raw("<section class=\"card\"><h2>Active config</h2>");
        if (active is null)
        {
            html.Element("p", "No version is active.", "muted");
        }
        else
        {
            html.Raw("<p class=\"meta\">").Element("code", active.ConfigId, "active-id").Raw(" ").Element("span", "active", "badge active")
                .Raw(" deployed ").Text(Html.Time(active.DeployedAt)).Raw(active.DeployedBy is null ? string.Empty : " by ").Text(active.DeployedBy ?? string.Empty)
                .Raw(", created by ").Text(active.CreatedBy).Raw("</p>")
                .Raw("<pre class=\"yaml\">").Text(ConfigYamlWriter.ToYaml(active.ConfigData)).Raw("</pre>");
        }

        html.Raw("</section><section class=\"card\"><h2>History</h2>");
        if (history.Count == 0)
        {
            html.Element("p", "No versions yet.", "muted");
        }
        else
        {
            History(html, name, history, active, deployer);
            if (more)
            {
                html.Element("p", $"Showing the newest {history.Count} versions; use the API's next_token for older ones.", "muted");
            }

            CompareForm(html, name, history, active);
        }

        html.Raw("</section>");
        if (deployer)
        {
            NewVersionForm(html, context, name, submitted, problems, problemSummary);
        }
    }

    public static void Diff(Html html, ConfigDiff diff, string heading)
    {
        html.Raw("<h2>").Text(heading).Raw("</h2>");
        if (diff.IsEmpty)
        {
            html.Element("p", "The two versions have the same content.", "muted");
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"diff\"><thead><tr><th>Path</th><th>").Text(diff.FromConfigId).Raw("</th><th>").Text(diff.ToConfigId)
            .Raw("</th></tr></thead><tbody>");
        foreach (var entry in diff.Entries)
        {
            var kind = entry.Kind switch
            {
                ConfigDiffKind.Added => "added",
                ConfigDiffKind.Removed => "removed",
                _ => "changed",
            };
            html.Raw("<tr").Attr("class", kind).Raw("><td>").Element("code", entry.Path).Raw(" ").Element("span", kind, "kind").Raw("</td><td class=\"old\">");
            if (entry.Kind != ConfigDiffKind.Added)
            {
                html.Element("pre", ValueText(entry.OldValue));
            }

            html.Raw("</td><td class=\"new\">");
            if (entry.Kind != ConfigDiffKind.Removed)
            {
                html.Element("pre", ValueText(entry.NewValue));
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    /// <summary>The confirmation step of Activate and Roll back: what changes against what is active now, then one button.</summary>
    public static void Confirm(
        Html html, HttpContext context, string name, string action, string heading, string button, ConfigVersion target, ConfigVersion? active, ConfigDiff? diff,
        string? rollbackTo = null)
    {
        html.Raw("<p class=\"crumbs\">").Link(ConsoleUrls.Home, "Strategies").Raw(" / ").Link(ConsoleUrls.Strategy(name), name).Raw(" / </p>").Element("h1", heading);
        html.Raw("<section class=\"card\"><p>Active now: ");
        if (active is null)
        {
            html.Element("span", "no version", "muted");
        }
        else
        {
            html.Element("code", active.ConfigId);
        }

        html.Raw(". Target: ").Element("code", target.ConfigId).Raw(" ").Element("span", target.Status.ToWire(), $"badge {target.Status.ToWire()}").Raw("</p>");
        if (diff is null)
        {
            html.Element("p", "Nothing is active, so everything in the target becomes live:", "muted").Raw("<pre class=\"yaml\">").Text(ConfigYamlWriter.ToYaml(target.ConfigData)).Raw("</pre>");
        }
        else
        {
            Diff(html, diff, "Changes against the active version");
        }

        html.Raw("<form method=\"post\" class=\"confirm\"").Attr("action", action).Raw(">");
        Layout.Antiforgery(context, html);
        html.Hidden("expected", active?.ConfigId ?? string.Empty);
        if (rollbackTo is not null)
        {
            html.Hidden("to", rollbackTo);
        }

        html.Raw("<button type=\"submit\" class=\"primary\">").Text(button).Raw("</button> ").Link(ConsoleUrls.Strategy(name), "Cancel")
            .Element("p", "Applied only if the active version is still the one shown here; otherwise nothing changes and you are told.", "muted")
            .Raw("</form></section>");
    }

    private static void History(Html html, string name, IReadOnlyList<ConfigVersion> history, ConfigVersion? active, bool deployer)
    {
        html.Raw("<div class=\"scroll\"><table class=\"list history\"><thead><tr><th>Version</th><th>Status</th><th>Created by</th><th>Created</th><th>Deployed</th><th>Deployed by</th><th>Deprecated</th><th>Superseded by</th><th></th></tr></thead><tbody>");
        foreach (var v in history)
        {
            var status = v.Status.ToWire();
            html.Raw("<tr").Attr("data-config-id", v.ConfigId).Raw("><td>").Element("code", v.ConfigId).Raw("</td><td>").Element("span", status, $"badge {status}")
                .Raw("</td><td>").Text(v.CreatedBy).Raw("</td><td>").Text(Html.Time(v.CreatedAt)).Raw("</td><td>").Text(Html.Time(v.DeployedAt))
                .Raw("</td><td>").Text(v.DeployedBy ?? "—").Raw("</td><td>").Text(Html.Time(v.DeprecatedAt)).Raw("</td><td>");
            if (v.SupersededBy is { } by)
            {
                html.Element("code", by);
            }

            html.Raw("</td><td class=\"actions\">");
            if (active is not null && v.ConfigId != active.ConfigId)
            {
                html.Link(ConsoleUrls.Diff(name, active.ConfigId, v.ConfigId), "Diff");
            }

            if (deployer && v.Status == ConfigVersionStatus.Draft)
            {
                html.Raw(" ").Link(ConsoleUrls.Activate(name, v.ConfigId), "Activate…", "button");
            }
            else if (deployer && v.Status == ConfigVersionStatus.Deprecated)
            {
                html.Raw(" ").Link(ConsoleUrls.RollbackTo(name, v.ConfigId), "Roll back…", "button");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void CompareForm(Html html, string name, IReadOnlyList<ConfigVersion> history, ConfigVersion? active)
    {
        if (history.Count < 2)
        {
            return;
        }

        var from = history.Count > 1 ? history[1].ConfigId : history[0].ConfigId;
        var to = active?.ConfigId ?? history[0].ConfigId;
        html.Raw("<form method=\"get\" class=\"compare\"").Attr("action", $"{ConsoleUrls.Strategy(name)}/diff").Raw("><label>Compare ");
        Select(html, "from", history, from);
        html.Raw("</label><label> with ");
        Select(html, "to", history, to);
        html.Raw("</label> <button type=\"submit\">Show diff</button></form>");
    }

    private static void Select(Html html, string field, IReadOnlyList<ConfigVersion> history, string selected)
    {
        html.Raw("<select").Attr("name", field).Raw(">");
        foreach (var v in history)
        {
            html.Raw("<option").Attr("value", v.ConfigId);
            if (v.ConfigId == selected)
            {
                html.Raw(" selected");
            }

            html.Raw(">").Text($"{v.ConfigId} ({v.Status.ToWire()})").Raw("</option>");
        }

        html.Raw("</select>");
    }

    private static void NewVersionForm(Html html, HttpContext context, string name, string? submitted, IReadOnlyList<ProblemEntry>? problems, string? summary)
    {
        html.Raw("<section class=\"card\"><h2>New draft</h2>");
        if (summary is not null)
        {
            html.Raw("<div class=\"error\" role=\"alert\">").Element("p", summary);
            ErrorPage.Problems(html, problems);
            html.Raw("</div>");
        }

        html.Raw("<form method=\"post\"").Attr("action", ConsoleUrls.NewVersion(name)).Raw(">");
        Layout.Antiforgery(context, html);
        html.Raw("<label for=\"content\">Config (YAML or JSON)</label><textarea id=\"content\" name=\"content\" rows=\"12\" spellcheck=\"false\">")
            .Text(submitted).Raw("</textarea><button type=\"submit\">Create draft</button></form></section>");
    }

    private static string ValueText(object? value) => value switch
    {
        ConfigMapping or ConfigSequence => ConfigYamlWriter.ToYaml(value).TrimEnd(),
        _ => ConfigJsonWriterValue(value),
    };

    private static string ConfigJsonWriterValue(object? value) => ConfigJsonWriter.ToJson(value, indented: false);
}
