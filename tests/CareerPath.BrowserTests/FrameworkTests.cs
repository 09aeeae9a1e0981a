using System.Text;
using System.Text.Json.Nodes;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>Importing, listing, exporting and deleting frameworks on the frameworks page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrameworkTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_imports_a_framework_in_portuguese_exports_it_and_only_they_can_see_it()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("frameworks");
        await Expect(page.GetByTestId("frameworks")).ToBeVisibleAsync();
        var before = await page.GetByTestId("framework").CountAsync();

        await ImportAsync(page, "engenharia.json", SixLevelFramework("Engenharia – Backend 🛠️"));

        await Expect(page.GetByTestId("import-result")).ToHaveTextAsync("Imported 'Engenharia – Backend 🛠️': 6 roles on 1 ladder, 2 skills, a scale of 6 levels.");
        var card = page.GetByTestId("framework").Filter(new() { HasText = "Engenharia – Backend 🛠️" });
        await Expect(card).ToContainTextAsync("Only you");
        await Expect(card).ToContainTextAsync("6 roles on 1 ladder · 2 skills · a scale of 6 levels");
        await Expect(card).ToContainTextAsync("Version 1");
        await fixture.ScreenshotAsync(page, "frameworks-imported-phone");

        var download = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Export JSON of Engenharia – Backend 🛠️" }).ClickAsync());
        Assert.Equal("engenharia-backend.json", download.SuggestedFilename);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!;
        Assert.Equal("Comunicação 💬", (string?)exported["skills"]![0]!["name"]);
        Assert.Equal(["Estagiário", "Associate", "Júnior", "Pleno", "Sênior", "Especialista"], exported["scale"]!.AsArray().Select(l => (string?)l!["name"]));
        var exportUrl = download.Url;

        // Someone else: not in their list, and its export is not found.
        var other = await fixture.NewPageAsync();
        await new AccountPages(other).RegisterAsync(AccountPages.NewEmail());
        await other.GotoAsync("frameworks");
        await Expect(other.GetByTestId("framework")).ToHaveCountAsync(before);
        await Expect(other.GetByText("Engenharia – Backend 🛠️")).ToHaveCountAsync(0);
        Assert.Equal(404, (await other.APIRequest.GetAsync(exportUrl)).Status);
        await other.Context.CloseAsync();

        // The same content again adds no version; changed content becomes version 2.
        await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = "A new version of 'Engenharia – Backend 🛠️'" });
        await ImportAsync(page, "engenharia.json", SixLevelFramework("Engenharia – Backend 🛠️"), pickTarget: false);
        await Expect(page.GetByTestId("import-result")).ToHaveTextAsync("'Engenharia – Backend 🛠️' already holds exactly this content; nothing changed.");
        await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = "A new version of 'Engenharia – Backend 🛠️'" });
        await ImportAsync(page, "engenharia-v2.json", SixLevelFramework("Engenharia – Backend 🛠️", extraSkill: true), pickTarget: false);
        await Expect(page.GetByTestId("import-result")).ToHaveTextAsync("Stored version 2 of 'Engenharia – Backend 🛠️': 6 roles on 1 ladder, 3 skills, a scale of 6 levels. Earlier versions are kept.");
        await Expect(card).ToContainTextAsync("Version 2");
        await Expect(card).ToContainTextAsync("1 earlier version kept");

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete Engenharia – Backend 🛠️" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToHaveTextAsync("Deleted 'Engenharia – Backend 🛠️'.");
        await Expect(page.GetByTestId("framework")).ToHaveCountAsync(before);
        Assert.Equal(404, (await page.APIRequest.GetAsync(exportUrl)).Status);
    }

    [Fact]
    public async Task A_file_with_mistakes_gets_the_whole_list_and_nothing_is_stored()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        await page.GotoAsync("frameworks");
        await Expect(page.GetByTestId("frameworks")).ToBeVisibleAsync();
        var before = await page.GetByTestId("framework").CountAsync();
        var framework = JsonNode.Parse(SixLevelFramework("Broken"))!;
        framework["roles"]![0]!["expectedSkills"]!["comunicacao"] = 9;
        framework["roles"]![1]!["ladder"] = "nowhere";
        framework["skills"]![1]!["rubric"]!.AsArray().RemoveAt(0);

        await ImportAsync(page, "broken.json", framework.ToJsonString());

        var problems = page.GetByTestId("import-problems");
        await Expect(problems).ToContainTextAsync("broken.json was not imported: 3 problems to fix.");
        await Expect(problems).ToContainTextAsync("roles[0].expectedSkills.comunicacao Role 'estagiario' expects level 9 of 'comunicacao'; the scale runs from 1 to 6.");
        await Expect(problems).ToContainTextAsync("roles[1].ladder Role 'associate' is on a ladder 'nowhere' that the framework does not have.");
        await Expect(problems).ToContainTextAsync("skills[1].rubric Skill 'impacto' describes 5 levels; the scale has 6.");
        await fixture.ScreenshotAsync(page, "frameworks-problems");

        await ImportAsync(page, "not-json.json", "{ \"name\": \"x\", ");
        await Expect(problems).ToContainTextAsync("not valid JSON");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("framework")).ToHaveCountAsync(before);
        await page.AssertAccessibleAsync();
    }

    internal static async Task ImportAsync(IPage page, string name, string content, bool pickTarget = true)
    {
        if (pickTarget)
        {
            await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = "A new framework only you can see" });
        }

        await page.GetByLabel("Framework file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
    }

    /// <summary>A six-level framework in Portuguese: one ladder, a role per level, and two (or three) skills.</summary>
    internal static string SixLevelFramework(string name, bool extraSkill = false)
    {
        string[] levels = ["Estagiário", "Associate", "Júnior", "Pleno", "Sênior", "Especialista"];
        var skills = new JsonArray(
            Skill("comunicacao", "Comunicação 💬"),
            Skill("impacto", "Impacto"));
        if (extraSkill)
        {
            skills.Add(Skill("dominio", "Domínio"));
        }

        var roles = new JsonArray(levels.Select((level, i) => (JsonNode)new JsonObject
        {
            ["slug"] = Slug(level),
            ["name"] = level,
            ["ladder"] = "engenharia",
            ["seniority"] = i + 1,
            ["expectedSkills"] = new JsonObject { ["comunicacao"] = i + 1, ["impacto"] = Math.Max(1, i) },
        }).ToArray());
        return new JsonObject
        {
            ["name"] = name,
            ["scale"] = new JsonArray(levels.Select(l => (JsonNode)new JsonObject { ["name"] = l }).ToArray()),
            ["ladders"] = new JsonArray(new JsonObject { ["slug"] = "engenharia", ["name"] = "Engenharia" }),
            ["skillCategories"] = new JsonArray(new JsonObject { ["slug"] = "topicos", ["name"] = "Tópicos" }),
            ["skills"] = skills,
            ["roles"] = roles,
        }.ToJsonString();

        JsonObject Skill(string slug, string skillName) => new()
        {
            ["slug"] = slug,
            ["name"] = skillName,
            ["category"] = "topicos",
            ["rubric"] = new JsonArray(levels.Select((l, i) => (JsonNode)new JsonObject
            {
                ["description"] = $"{skillName}: nível {i + 1}",
                ["criteria"] = new JsonArray($"Critério {i + 1}.a", $"Critério {i + 1}.b"),
            }).ToArray()),
        };
    }

    private static string Slug(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c)).Select(char.ToLowerInvariant).ToArray());
}
