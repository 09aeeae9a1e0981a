using System.Text.RegularExpressions;
using CareerPath.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareerPath.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_new_user_registers_signs_out_and_signs_back_in()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();

        await account.RegisterAsync(email, name: "Robin", currentRole: "Product Manager");

        await Expect(page).ToHaveURLAsync(DashboardUrl());
        await Expect(account.Heading).ToHaveTextAsync("Welcome, Robin");
        await Expect(account.SignedInAs).ToHaveTextAsync(email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Product Manager", Exact = true })).ToBeVisibleAsync();

        await account.SignOutAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(account.SignedInAs).ToHaveCountAsync(0);

        await account.SignInAsync(email);
        await Expect(page).ToHaveURLAsync(DashboardUrl());
        await Expect(account.SignedInAs).ToHaveTextAsync(email);
        await fixture.ScreenshotAsync(page, "dashboard");
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();
        await account.RegisterAsync(email);
        await account.SignOutAsync();

        await account.SignInAsync(email, "not the right password");

        await Expect(account.Alert).ToContainTextAsync("don't match an account");
        await Expect(account.SignedInAs).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "sign-in-error");
    }

    [Fact]
    public async Task Registering_an_email_twice_shows_an_error()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();
        await account.RegisterAsync(email);
        await account.SignOutAsync();

        await account.RegisterAsync(email.ToUpperInvariant());

        await Expect(account.Alert).ToContainTextAsync("An account with this email already exists");
        await Expect(account.SignedInAs).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_short_password_is_refused_next_to_the_field()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);

        await account.RegisterAsync(AccountPages.NewEmail(), password: "short");

        await Expect(page.GetByText("Your password must be at least 12 characters.")).ToBeVisibleAsync();
        await Expect(account.SignedInAs).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_then_back_to_the_page()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();
        await account.RegisterAsync(email);
        await account.SignOutAsync();

        await page.GotoAsync("goals");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await account.FillSignInAsync(email, AccountPages.Password);

        await Expect(page).ToHaveURLAsync(new Regex("/goals$"));
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();
        const string newPassword = "a brand new passphrase";
        await account.RegisterAsync(email);

        await account.ChangePasswordAsync(AccountPages.Password, newPassword);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed.");
        await account.SignOutAsync();

        await account.SignInAsync(email, AccountPages.Password);
        await Expect(account.Alert).ToBeVisibleAsync();
        await account.SignInAsync(email, newPassword);
        await Expect(account.SignedInAs).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task A_deleted_account_can_no_longer_sign_in()
    {
        var page = await fixture.NewPageAsync();
        var account = new AccountPages(page);
        var email = AccountPages.NewEmail();
        await account.RegisterAsync(email);

        await account.DeleteAccountAsync("wrong password");
        await Expect(account.Alert).ToContainTextAsync("Nothing was deleted");

        await account.DeleteAccountAsync(AccountPages.Password);
        await Expect(account.Heading).ToHaveTextAsync("Account deleted");
        await Expect(account.SignedInAs).ToHaveCountAsync(0);

        await account.SignInAsync(email);
        await Expect(account.Alert).ToContainTextAsync("don't match an account");
    }

    private static Regex DashboardUrl() => new("/dashboard$");
}
