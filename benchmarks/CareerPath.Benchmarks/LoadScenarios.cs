using CareerPath.Benchmarks.Load;
using Microsoft.Playwright;

namespace CareerPath.Benchmarks;

/// <summary>One signed-in user of the load benchmark: their cookies (from the registration form) and their plan.</summary>
internal sealed record LoadUser(string Email, System.Net.CookieContainer Cookies, SeededPlan? Plan);

/// <summary>
/// A page the load benchmark opens circuits on, and the one action its users take there: how to find it in the
/// headless client's document and when it shows done, and the same in Chromium.
/// </summary>
internal abstract class PageScenario
{
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);

    public abstract string Name { get; }

    /// <summary>Whether the action saves to the database (one durable commit).</summary>
    public abstract bool Writes { get; }

    public abstract string PathFor(LoadUser user);

    /// <summary>The interactive page has rendered what the action needs.</summary>
    public abstract bool Ready(RenderDocument document);

    /// <summary>Acts once; null when there is nothing left to do on the page.</summary>
    public abstract Task<ActionTiming?> ActAsync(BlazorCircuit circuit);

    /// <summary>Acts once in the browser and waits until the page shows it done.</summary>
    /// <summary>Acts once in a real browser tab and waits for the page to show it; false when there is nothing left to do.</summary>
    public abstract Task<bool> ActInBrowserAsync(IPage page);

    /// <summary>What a JS interop call answers, by identifier; null for nothing.</summary>
    public virtual object? JsResult(string identifier, string argsJson) => null;

    protected static ElementNode? ByTestId(RenderDocument document, string testId) => document.Find(e => e["data-testid"] == testId);

    protected static bool HasClass(ElementNode element, string name) => element["class"]?.Split(' ').Contains(name) == true;
}

/// <summary>The baseline: the counter's button.</summary>
internal sealed class CounterScenario : PageScenario
{
    public override string Name => "counter (baseline)";

    public override bool Writes => false;

    public override string PathFor(LoadUser user) => "/";

    public override bool Ready(RenderDocument document) => Count(document) is not null;

    public override async Task<ActionTiming?> ActAsync(BlazorCircuit circuit)
    {
        var count = circuit.Read(Count) ?? 0;
        var handler = circuit.FindHandler("onclick", e => e.Name == "button")!.Value;
        return await circuit.DispatchAsync(handler, "click", BlazorCircuit.Click, d => Count(d) == count + 1, ActionTimeout);
    }

    public override async Task<bool> ActInBrowserAsync(IPage page)
    {
        var status = page.GetByRole(AriaRole.Status);
        var count = int.Parse((await status.TextContentAsync())!.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Click me" }).ClickAsync();
        await page.GetByText($"Current count: {count + 1}").WaitForAsync();
        return true;
    }

    private static int? Count(RenderDocument document) =>
        document.Find(e => e["role"] == "status") is { } status && int.TryParse(document.TextOf(status).Split(':')[^1].Trim(), out var n) ? n : null;
}

/// <summary>
/// The skill audit: rate the first skill, alternating between levels 2 and 3 so every action changes something. One
/// input handler on the page serves every radio; the radio's value ("skill|level") says which was chosen.
/// </summary>
internal sealed class AuditScenario : PageScenario
{
    private static readonly System.Text.RegularExpressions.Regex RatedBadge = new("class=\"badge\">Rated (\\d+)<");

    /// <summary>The skill a fieldset rates: its legend, a block of markup, holds the anchor's id ("rate-skill").</summary>
    private static readonly System.Text.RegularExpressions.Regex LegendId = new("<legend [^>]*id=\"rate-([^\"]+)\"");

    public override string Name => "skill audit";

    public override bool Writes => true;

    public override string PathFor(LoadUser user) => "/assessment/audit";

    public override bool Ready(RenderDocument document) => FirstSkill(document) is not null;

    public override async Task<ActionTiming?> ActAsync(BlazorCircuit circuit)
    {
        var (skill, level) = circuit.Read(d => (FirstSkill(d)!, NextLevel(d, FirstSkill(d)!)));
        var value = $"{skill}|{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var handler = circuit.FindHandler("oninput", e => e.Name == "div")!.Value;
        return await circuit.DispatchAsync(handler, "input", new { value }, d => RatedLevel(d, skill) == level, ActionTimeout);
    }

    public override async Task<bool> ActInBrowserAsync(IPage page)
    {
        var fieldset = page.Locator("fieldset.rate").First;
        var id = (await fieldset.Locator("legend").GetAttributeAsync("id"))!["rate-".Length..];
        var level = await fieldset.Locator($"input[value='{id}|3']").IsCheckedAsync() ? 2 : 3;
        await fieldset.Locator($"label:has(input[value='{id}|{level}'])").ClickAsync();
        await fieldset.Locator("legend .badge").GetByText($"Rated {level}").WaitForAsync();
        return true;
    }

    private static string? FirstSkill(RenderDocument document) =>
        document.Find(e => e.Name == "fieldset" && SkillOf(e) is not null) is { } fieldset ? SkillOf(fieldset) : null;

    private static string? SkillOf(ElementNode fieldset) =>
        fieldset.Children.OfType<MarkupNode>().Select(m => LegendId.Match(m.Html)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    private static int NextLevel(RenderDocument document, string skill) => RatedLevel(document, skill) == 3 ? 2 : 3;

    /// <summary>The level saved, from the "Rated n" badge of the skill's legend (the legend is a block of markup).</summary>
    private static int? RatedLevel(RenderDocument document, string skill) =>
        document.Find(e => e.Name == "fieldset" && SkillOf(e) == skill) is { } fieldset
        && fieldset.Children.OfType<MarkupNode>().Select(m => RatedBadge.Match(m.Html)).FirstOrDefault(m => m.Success) is { } badge
        && int.TryParse(badge.Groups[1].Value, out var level) ? level : null;
}

/// <summary>Goal detail (50 steps, 500 check-ins): check in.</summary>
internal sealed class GoalScenario : PageScenario
{
    public override string Name => "goal detail";

    public override bool Writes => true;

    public override string PathFor(LoadUser user) => $"/goals/{user.Plan!.GoalId}";

    public override bool Ready(RenderDocument document) => CheckIns(document) > 0 && Form(document) is not null;

    public override async Task<ActionTiming?> ActAsync(BlazorCircuit circuit)
    {
        var before = circuit.Read(CheckIns);
        var handler = circuit.Read(Form)!.Handlers["onsubmit"];
        return await circuit.DispatchAsync(handler, "submit", new { type = "submit" }, d => CheckIns(d) == before + 1, ActionTimeout);
    }

    /// <summary>In the page: how many check-ins the goal has, as the page says under its newest 20 (or the ones listed).</summary>
    private const string CountScript = """
        () => {
            const more = document.querySelector('.checkins__more')?.textContent.match(/of ([\d,]+) check-ins/);
            return more ? parseInt(more[1].replace(/,/g, ''), 10) : document.querySelectorAll('[data-testid=checkins] > li').length;
        }
        """;

    public override async Task<bool> ActInBrowserAsync(IPage page)
    {
        var before = await page.EvaluateAsync<int>(CountScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync($"() => ({CountScript})() === {before + 1}");
        return true;
    }

    private static ElementNode? Form(RenderDocument document) => document.Find(e => e.Name == "form" && HasClass(e, "checkin-form") && e.Handlers.ContainsKey("onsubmit"));

    /// <summary>How many check-ins the goal has: the page lists the newest 20 and says how many there are in all.</summary>
    private static int CheckIns(RenderDocument document) =>
        document.Find(e => e.Name == "p" && HasClass(e, "checkins__more")) is { } more
        && System.Text.RegularExpressions.Regex.Match(document.TextOf(more), @"of ([\d,]+) check-ins") is { Success: true } count
            ? int.Parse(count.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)
            : ByTestId(document, "checkins")?.Children.Sum(c => c switch
            {
                ElementNode { Name: "li" } => 1,
                // The page writes its read-only list as one piece of markup.
                MarkupNode markup => System.Text.RegularExpressions.Regex.Count(markup.Html, "<li>"),
                _ => 0,
            }) ?? 0;
}

/// <summary>Roadmap detail (five steps): accept the next suggestion into the plan.</summary>
internal sealed class RoadmapScenario : PageScenario
{
    public override string Name => "roadmap detail";

    public override bool Writes => true;

    public override string PathFor(LoadUser user) => $"/roadmap/{user.Plan!.RoadmapId}";

    /// <summary>An "Add to plan" button of a suggestion: a button in the steps' markup, named by its row.</summary>
    private static readonly System.Text.RegularExpressions.Regex AddButtonRow = new("data-action=\"accept\" data-row=\"([^\"]+\\|after)\"");

    public override bool Ready(RenderDocument document) => AddRows(document).Any();

    public override async Task<ActionTiming?> ActAsync(BlazorCircuit circuit)
    {
        var (handler, rows) = circuit.Read(d => (Steps(d)?.Handlers["onrowaction"], AddRows(d).ToList()));
        if (handler is null || rows.Count == 0)
        {
            return null;
        }

        // The section's one handler takes every suggestion's click (js/row-actions.js sends the button's action and
        // row); an accepted suggestion shows "In your plan" instead of its buttons. (The count of buttons is no sign:
        // the step's last one accepted, the next step lists its suggestions.)
        var row = rows[0];
        return await circuit.DispatchAsync(handler.Value, "rowaction", new { action = "accept", row }, d => !AddRows(d).Contains(row), ActionTimeout);
    }

    public override async Task<bool> ActInBrowserAsync(IPage page)
    {
        var buttons = page.Locator("button[data-action=accept]", new() { HasTextString = "Add to plan" });
        if (await buttons.CountAsync() == 0)
        {
            // Every suggestion is in the plan (the tab's user accepts one a second).
            return false;
        }

        // Done when that suggestion's button is gone (the next step's suggestions may appear at the same time).
        var row = await buttons.First.GetAttributeAsync("data-row");
        await buttons.First.ClickAsync();
        await page.WaitForFunctionAsync("row => !document.querySelector(`button[data-row=\"${row}\"]`)", row);
        return true;
    }

    /// <summary>The "Step by step" section: the element whose handler takes the suggestions' clicks.</summary>
    private static ElementNode? Steps(RenderDocument document) => document.Find(e => e.Name == "section" && e.Handlers.ContainsKey("onrowaction"));

    /// <summary>The rows of the suggestions not in the plan yet, in page order.</summary>
    private static IEnumerable<string> AddRows(RenderDocument document) =>
        Steps(document) is { } steps
            ? RenderDocument.Nodes(steps).OfType<MarkupNode>().SelectMany(m => AddButtonRow.Matches(m.Html).Select(match => match.Groups[1].Value))
            : [];
}
