using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

/// <summary>An interactive page already open elsewhere stops at its next action once its session has ended.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sign_out_everywhere_stops_an_open_page_at_its_next_action()
    {
        var (laptop, email, roadmapUrl) = await OpenRoadmapAsync();
        var phone = await fixture.NewPageAsync();
        var phoneAccount = new AccountPages(phone);
        await phoneAccount.SignInAsync(email);
        await Expect(phoneAccount.SignedInAs).ToHaveTextAsync(email);
        await phone.GotoAsync("Account/Manage/Sessions");
        await Expect(phone.GetByTestId("sessions").Locator("tbody tr")).ToHaveCountAsync(2);

        await phoneAccount.SignOutEverywhereAsync();
        await Expect(phone).ToHaveURLAsync(SignInUrl());
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out everywhere");

        // The laptop's page is still on screen; its next action is refused and it goes to sign in.
        await MarkDoneButton(laptop).ClickAsync();
        await Expect(laptop).ToHaveURLAsync(SignInUrl());

        await new AccountPages(laptop).FillSignInAsync(email, AccountPages.Password);
        await laptop.GotoAsync(roadmapUrl);
        await Expect(new RoadmapPages(laptop).Milestones).ToContainTextAsync(Milestone);
        await Expect(MarkDoneButton(laptop)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Changing_the_password_stops_open_pages_elsewhere_but_not_here()
    {
        const string newPassword = "a brand new passphrase";
        var (laptop, email, roadmapUrl) = await OpenRoadmapAsync();
        var phone = await fixture.NewPageAsync();
        var phoneAccount = new AccountPages(phone);
        await phoneAccount.SignInAsync(email);
        await Expect(phoneAccount.SignedInAs).ToHaveTextAsync(email);

        await phoneAccount.ChangePasswordAsync(AccountPages.Password, newPassword);
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed.");

        // This browser carries on, interactive pages included.
        await phone.GotoAsync(roadmapUrl);
        var phoneRoadmap = new RoadmapPages(phone);
        await phoneRoadmap.AddMilestoneAsync("Added where the password changed", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2));
        await Expect(phoneRoadmap.Milestones).ToContainTextAsync("Added where the password changed");

        await MarkDoneButton(laptop).ClickAsync();
        await Expect(laptop).ToHaveURLAsync(SignInUrl());
        await phone.ReloadAsync();
        await Expect(phoneRoadmap.Milestones).ToContainTextAsync("Added where the password changed");
        await Expect(MarkDoneButton(phone)).ToBeVisibleAsync();
    }

    /// <summary>A new account with a roadmap open in an interactive page, as on a laptop left open.</summary>
    private async Task<(IPage Page, string Email, string RoadmapUrl)> OpenRoadmapAsync()
    {
        var page = await fixture.NewPageAsync();
        var email = AccountPages.NewEmail();
        await new AccountPages(page).RegisterAsync(email, currentRole: "Product Manager");
        await new RoadmapPages(page).CreateAsync("Plan", "Product Manager", "Senior Product Manager");
        // The page answers (its circuit is live) before the session is ended elsewhere.
        await new RoadmapPages(page).AddMilestoneAsync(Milestone, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1));
        await Expect(MarkDoneButton(page)).ToBeVisibleAsync();
        return (page, email, page.Url);
    }

    private const string Milestone = "Ask for a stretch project";

    /// <summary>One click that would write: while it is offered, the milestone is not done.</summary>
    private static ILocator MarkDoneButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = $"Mark {Milestone} done" });

    [GeneratedRegex("/Account/Login")]
    private static partial Regex SignInUrl();
}
