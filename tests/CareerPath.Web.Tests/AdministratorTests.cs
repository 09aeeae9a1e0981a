using System.Net;
using System.Text.RegularExpressions;

namespace CareerPath.Web.Tests;

/// <summary>The first account on a new server runs it; administrators can make others administrators, never leave none.</summary>
public sealed partial class AdministratorTests : IAsyncLifetime
{
    private readonly CareerPathAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_first_account_is_an_administrator_who_can_make_others_administrators_but_not_leave_none()
    {
        using var first = await RegisterAsync("first@example.com");
        using var second = await RegisterAsync("second@example.com");

        var secondPage = await second.GetStringAsync("/Account/Manage/Administrators");
        Assert.Contains("This page is for the administrators of this CareerPath server.", secondPage);
        Assert.DoesNotContain("data-testid=\"accounts\"", secondPage);
        Assert.DoesNotContain("href=\"Account/Manage/Administrators\"", await second.GetStringAsync("/Account/Manage"));

        var firstPage = await first.GetStringAsync("/Account/Manage/Administrators");
        Assert.Contains("href=\"Account/Manage/Administrators\"", firstPage);
        Assert.Matches(Row("first@example.com", "Yes"), firstPage);
        Assert.Matches(Row("second@example.com", "No"), firstPage);

        // Removing the only administrator is refused.
        var refused = await ChangeAsync(first, firstPage, "first@example.com");
        Assert.Contains("This is the server&#x27;s only administrator.", refused);
        Assert.Matches(Row("first@example.com", "Yes"), refused);

        var granted = await ChangeAsync(first, refused, "second@example.com");
        Assert.Matches(Row("second@example.com", "Yes"), granted);
        Assert.Contains("data-testid=\"accounts\"", await second.GetStringAsync("/Account/Manage/Administrators"));

        // With two, the first may step down; from then on the page is closed to them.
        var steppedDown = await ChangeAsync(first, granted, "first@example.com");
        Assert.Contains("This page is for the administrators of this CareerPath server.", steppedDown);
        Assert.Matches(Row("first@example.com", "No"), await second.GetStringAsync("/Account/Manage/Administrators"));
    }

    [Fact]
    public async Task The_only_administrator_cannot_delete_their_account_while_others_have_one()
    {
        using var first = await RegisterAsync("first@example.com");
        using var second = await RegisterAsync("second@example.com");

        var form = await first.GetStringAsync("/Account/Manage/DeletePersonalData");
        using var response = await first.PostAsync("/Account/Manage/DeletePersonalData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = HandlerName().Match(form).Groups[1].Value,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Password"] = TestUsers.Password,
        }));

        Assert.Contains("only administrator. Make someone else an administrator first", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Account/Manage/DownloadData")).StatusCode);
    }

    private async Task<HttpClient> RegisterAsync(string email)
    {
        var client = _app.CreateBrowserlessClient();
        var form = await client.GetStringAsync("/Account/Register");
        using var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.DisplayName"] = email[..email.IndexOf('@', StringComparison.Ordinal)],
            ["Input.CurrentRoleSlug"] = "product-manager",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    // Posts the row's own form (its name carries the account's id), as its button would.
    private static async Task<string> ChangeAsync(HttpClient client, string page, string email)
    {
        var row = Regex.Match(page, $"<tr>\\s*<td[^>]*>{Regex.Escape(email)}.*?</tr>", RegexOptions.Singleline).Value;
        var handler = HandlerName().Match(row).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Manage/Administrators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(row).Groups[1].Value,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    private static Regex Row(string email, string administrator) =>
        new($"<td[^>]*>{Regex.Escape(email)}[^<]*</td>\\s*<td>{administrator}</td>");

    [GeneratedRegex("name=\"_handler\" value=\"([^\"]+)\"")]
    private static partial Regex HandlerName();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
