using System.Text;
using System.Text.Json.Nodes;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>The framework editor (/frameworks/{id}/edit) on a phone and a laptop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrameworkEditTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_user_edits_their_framework_and_sees_the_new_version(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var name = $"Engenharia {width}";
        await ImportAsync(page, name);
        var editor = new FrameworkEditorPage(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {name}" }).ClickAsync();
        await editor.ExpectOpenAsync(name);
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, $"framework-editor-open-{width}");

        await editor.RenameSkillAsync("Comunicação 💬", "Escrita clara");
        await editor.ExpectAsync("Pleno", "Impacto", "5 · Sênior");
        await editor.AddRoleAsync("Principal");
        await editor.ExpectAsync("Principal", "Escrita clara", "4 · Pleno");
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, $"framework-editor-changed-{width}");

        // Unsaved edits: leaving asks, and staying keeps them.
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.DismissAsync();
        }

        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to frameworks" }).ClickAsync();
        await Expect(editor.Cell("Principal", "Escrita clara")).ToHaveValueAsync("4");
        page.Dialog -= Dismiss;
        Assert.Equal("You have changes that are not saved. Leave this page and lose them?", asked);

        await editor.SaveAsync();
        await Expect(editor.Saved).ToHaveTextAsync($"Saved version 2 of '{name}'. Earlier versions are kept, and plans made against them keep them.");
        // Saved: leaving asks nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to frameworks" }).ClickAsync();
        var card = page.GetByTestId("framework").Filter(new() { HasText = name });
        await Expect(card).ToContainTextAsync("Version 2");
        await Expect(card).ToContainTextAsync("from Edited in CareerPath");
        await Expect(card).ToContainTextAsync("7 roles on 1 ladder · 2 skills · a scale of 6 levels");

        // Removing the top level leaves each expectation of it on its cell, with a message, until another level is chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {name}" }).ClickAsync();
        await editor.ExpectOpenAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the top level" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove it" }).ClickAsync();
        var cell = editor.Cell("Especialista", "Escrita clara");
        await Expect(cell).ToHaveAttributeAsync("aria-invalid", "true");
        var message = page.Locator("#" + await cell.GetAttributeAsync("aria-describedby"));
        await Expect(message).ToHaveTextAsync("'Especialista' expects level 6 of 'Escrita clara', which the scale no longer has: choose a level from 1 to 5, or Not expected.");
        await Expect(editor.Problems).ToContainTextAsync("2 things to fix before this can be saved:");
        await page.AssertFitsTheWidthAsync();
        await page.AssertAccessibleAsync();
        await fixture.ScreenshotAsync(page, $"framework-editor-invalid-cell-{width}");

        // Following the link in the list lands on the cell; choosing a level there clears its message.
        await editor.Problems.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(cell).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(cell).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(editor.Problems).ToContainTextAsync("1 thing to fix");
        await editor.SaveAsync();
        await Expect(editor.Saved).Not.ToBeVisibleAsync();
        await Expect(editor.Problems).ToBeVisibleAsync();
        // Beside the button (the list is a page's height away on a phone), a note leads back to the list.
        var note = page.GetByTestId("edit-problems-near-save");
        await Expect(note).ToContainTextAsync("1 thing to fix before this can be saved");
        await note.GetByRole(AriaRole.Link, new() { Name = "see the list at the top" }).ClickAsync();
        await Expect(editor.Problems).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_over_a_version_stored_in_another_tab_is_refused_and_the_edits_stay()
    {
        var page = await fixture.NewPageAsync();
        await new AccountPages(page).RegisterAsync(AccountPages.NewEmail());
        var name = "Two tabs " + Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(page, name);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {name}" }).ClickAsync();
        var editor = new FrameworkEditorPage(page);
        await editor.ExpectOpenAsync(name);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(page.Url);
        var otherEditor = new FrameworkEditorPage(other);
        await otherEditor.ExpectOpenAsync(name);

        await otherEditor.RenameSkillAsync("Impacto", "Impacto no negócio");
        await otherEditor.SaveAsync();
        await Expect(otherEditor.Saved).ToContainTextAsync("Saved version 2");

        await editor.RenameSkillAsync("Impacto", "Resultado");
        await editor.SaveAsync();

        await Expect(page.GetByTestId("edit-error")).ToContainTextAsync($"'{name}' was changed while you were editing: you opened version 1, and version 2 has since been stored (Edited in CareerPath).");
        await Expect(page.GetByTestId("edit-skill").Filter(new() { HasText = "Resultado" }).GetByLabel("Skill name")).ToHaveValueAsync("Resultado");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task ImportAsync(IPage page, string name)
    {
        await page.GotoAsync("frameworks");
        await page.GetByLabel("Store it as").SelectOptionAsync(new SelectOptionValue { Label = "A new framework only you can see" });
        await page.GetByLabel("Framework file").SetInputFilesAsync(new FilePayload { Name = "engenharia.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(SixLevelFramework(name)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync($"Imported '{name}'");
    }

    /// <summary>Six levels, a role per level on one ladder, and two skills, in Portuguese.</summary>
    private static string SixLevelFramework(string name)
    {
        string[] levels = ["Estagiário", "Associate", "Júnior", "Pleno", "Sênior", "Especialista"];
        string[] slugs = ["estagiario", "associate", "junior", "pleno", "senior", "especialista"];
        return new JsonObject
        {
            ["name"] = name,
            ["scale"] = new JsonArray(levels.Select(l => (JsonNode)new JsonObject { ["name"] = l }).ToArray()),
            ["ladders"] = new JsonArray(new JsonObject { ["slug"] = "engenharia", ["name"] = "Engenharia" }),
            ["skillCategories"] = new JsonArray(new JsonObject { ["slug"] = "topicos", ["name"] = "Tópicos" }),
            ["skills"] = new JsonArray(Skill("comunicacao", "Comunicação 💬"), Skill("impacto", "Impacto")),
            ["roles"] = new JsonArray(levels.Select((level, i) => (JsonNode)new JsonObject
            {
                ["slug"] = slugs[i],
                ["name"] = level,
                ["ladder"] = "engenharia",
                ["seniority"] = i + 1,
                ["expectedSkills"] = new JsonObject { ["comunicacao"] = i + 1, ["impacto"] = i + 1 },
            }).ToArray()),
        }.ToJsonString();

        JsonObject Skill(string slug, string skillName) => new()
        {
            ["slug"] = slug,
            ["name"] = skillName,
            ["category"] = "topicos",
            ["rubric"] = new JsonArray(levels.Select((_, i) => (JsonNode)$"{skillName}: nível {i + 1}").ToArray()),
        };
    }

    /// <summary>The editor, one short method per thing a user does.</summary>
    private sealed class FrameworkEditorPage(IPage page)
    {
        public ILocator Problems => page.GetByTestId("edit-problems");

        public ILocator Saved => page.GetByTestId("edit-saved");

        public ILocator Cell(string role, string skill) => page.GetByLabel($"{role}: expected level of {skill}", new() { Exact = true });

        public async Task ExpectOpenAsync(string name)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Edit {name}");
            await Expect(page.Locator("[data-page-live]")).ToHaveCountAsync(1);
        }

        public async Task RenameSkillAsync(string from, string to)
        {
            var skill = page.GetByTestId("edit-skill").Filter(new() { HasText = from });
            await skill.Locator("summary").ClickAsync();
            await skill.GetByLabel("Skill name").FillAsync(to);
        }

        public async Task ExpectAsync(string role, string skill, string level) =>
            await Cell(role, skill).SelectOptionAsync(new SelectOptionValue { Label = level });

        public async Task AddRoleAsync(string name)
        {
            var before = await page.GetByTestId("edit-roles").Locator("li").CountAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a role" }).ClickAsync();
            await page.GetByLabel($"Role {before + 1} name").FillAsync(name);
        }

        public Task SaveAsync() => page.GetByTestId("save-framework").ClickAsync();
    }
}
