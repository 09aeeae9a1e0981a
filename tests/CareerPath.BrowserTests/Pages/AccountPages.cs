using Microsoft.Playwright;

namespace CareerPath.BrowserTests.Pages;

/// <summary>The account pages and the navigation bar, one method per user action.</summary>
public sealed class AccountPages(IPage page)
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator SignedInAs => page.GetByTestId("signed-in-as");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task RegisterAsync(string email, string password = Password, string? name = null, string? currentRole = null)
    {
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        if (name is not null)
        {
            await page.GetByLabel("Your name").FillAsync(name);
        }

        if (currentRole is not null)
        {
            await page.GetByLabel("The role you hold now").SelectOptionAsync(new SelectOptionValue { Label = currentRole });
        }

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    public async Task SignInAsync(string email, string password = Password)
    {
        await page.GotoAsync("Account/Login");
        await FillSignInAsync(email, password);
    }

    public async Task FillSignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public Task SignOutAsync() =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

    public async Task ChangePasswordAsync(string oldPassword, string newPassword)
    {
        await page.GotoAsync("Account/Manage/ChangePassword");
        await page.GetByLabel("Current password").FillAsync(oldPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Confirm new password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }

    public async Task SignOutEverywhereAsync()
    {
        await page.GotoAsync("Account/Manage/Sessions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
    }

    public async Task DeleteAccountAsync(string password)
    {
        await page.GotoAsync("Account/Manage/DeletePersonalData");
        await page.GetByLabel("Enter your password to confirm").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();
    }
}
