using System.Net;
using System.Text.RegularExpressions;
using CareerPath.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerPath.Web.Tests.Mail;

/// <summary>Password reset by email, through a real SMTP server.</summary>
public sealed partial class PasswordResetTests : IAsyncLifetime
{
    private const string NewPassword = "a brand new passphrase for spring";
    private SmtpServer _smtp = default!;
    private CareerPathAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        _app = MailingApp();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_reset_link_arrives_by_mail_works_once_and_ends_every_other_session()
    {
        var user = await _app.CreateAsync();
        using var elsewhere = await _app.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Account/Manage/DownloadData")).StatusCode);

        using var visitor = _app.CreateBrowserlessClient();
        using var asked = await AskForLinkAsync(visitor, user.Email!);
        Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location!.AbsolutePath);

        var mail = await _smtp.WaitForMessageToAsync(user.Email!, TimeSpan.FromSeconds(15));
        Assert.Contains("From: careerpath@example.org", mail);
        Assert.Contains("Subject: Reset your CareerPath password", mail);
        var link = new Uri(WebUtility.HtmlDecode(ResetLink().Match(mail).Groups[1].Value));
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);

        using var reset = await ResetAsync(visitor, link, user.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/Login?reset=1", reset.Headers.Location!.PathAndQuery);

        // The other session is over at once, and the old password no longer works; the new one does.
        using var after = await elsewhere.GetAsync("/Account/Manage/DownloadData");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath);
        using (var old = await TestUsers.PostSignInAsync(_app.CreateBrowserlessClient(), user.Email!, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using (var fresh = await TestUsers.PostSignInAsync(_app.CreateBrowserlessClient(), user.Email!, NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        // The same link a second time is refused and changes nothing.
        using var again = await ResetAsync(visitor, link, user.Email!, "yet another passphrase for autumn");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ResetPassword.InvalidLink["Error: ".Length..]), await again.Content.ReadAsStringAsync());
        using var stillNew = await TestUsers.PostSignInAsync(_app.CreateBrowserlessClient(), user.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, stillNew.StatusCode);
    }

    [Fact]
    public async Task With_confirmation_required_the_link_is_mailed_not_shown_and_confirms_the_account()
    {
        await using var confirming = MailingApp(("Accounts:RequireConfirmedAccount", "true"));
        using var visitor = confirming.CreateBrowserlessClient();
        var email = $"confirm-{Guid.NewGuid():N}@example.com";
        var form = await visitor.GetStringAsync("/Account/Register");
        using var registered = await visitor.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Confirming",
            ["Input.CurrentRoleSlug"] = "product-manager",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
        Assert.Equal("/Account/RegisterConfirmation", registered.Headers.Location!.AbsolutePath);
        var shown = await visitor.GetStringAsync(registered.Headers.Location.PathAndQuery);
        Assert.Contains("we have sent it a link", shown);
        Assert.DoesNotContain("Account/ConfirmEmail", shown);

        var mail = await _smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(15));
        var link = new Uri(WebUtility.HtmlDecode(ConfirmLink().Match(mail).Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link.PathAndQuery)).StatusCode);
        using var signIn = await TestUsers.PostSignInAsync(confirming.CreateBrowserlessClient(), email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task An_address_without_an_account_gets_the_same_answer_and_no_mail()
    {
        using var visitor = _app.CreateBrowserlessClient();
        var nobody = $"nobody-{Guid.NewGuid():N}@example.com";

        using var asked = await AskForLinkAsync(visitor, nobody);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location!.AbsolutePath);
        await Assert.ThrowsAsync<TimeoutException>(() => _smtp.WaitForMessageToAsync(nobody, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Reset_and_confirmation_links_are_issued_for_one_hour_by_default()
    {
        var options = _app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifespan);
    }

    [Fact]
    public async Task A_reset_link_used_after_its_lifetime_is_refused_and_changes_nothing()
    {
        // The lifetime shortened to 3 seconds (Accounts:EmailLinkMinutes), so the test waits for real expiry.
        await using var quick = MailingApp(("Accounts:EmailLinkMinutes", "0.05"));
        var user = await quick.CreateAsync();
        using var visitor = quick.CreateBrowserlessClient();
        using var asked = await AskForLinkAsync(visitor, user.Email!);
        var link = new Uri(WebUtility.HtmlDecode(ResetLink().Match(await _smtp.WaitForMessageToAsync(user.Email!, TimeSpan.FromSeconds(15))).Groups[1].Value));

        await Task.Delay(TimeSpan.FromSeconds(4));
        using var late = await ResetAsync(visitor, link, user.Email!, NewPassword);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ResetPassword.InvalidLink["Error: ".Length..]), await late.Content.ReadAsStringAsync());
        using var old = await TestUsers.PostSignInAsync(quick.CreateBrowserlessClient(), user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
    }

    [Fact]
    public async Task Without_a_mail_server_the_page_says_to_ask_the_administrator()
    {
        await using var noMail = new CareerPathAppFactory();
        using var visitor = noMail.CreateBrowserlessClient();

        var login = await visitor.GetStringAsync("/Account/Login");
        var page = await visitor.GetStringAsync("/Account/ForgotPassword");

        Assert.Contains("href=\"Account/ForgotPassword\"", login);
        Assert.Contains("Ask the person who runs it to reset your password for you", page);
        Assert.DoesNotContain("Send me a link", page);
    }

    /// <summary>An app of its own that sends mail to the test's SMTP server, with any other settings given.</summary>
    private CareerPathAppFactory MailingApp(params (string Key, string Value)[] settings) => new()
    {
        ConfigureServices = builder =>
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1")
                .UseSetting("Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting("Smtp:From", "careerpath@example.org")
                .UseSetting("Smtp:EnableSsl", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        },
    };

    private static async Task<HttpResponseMessage> AskForLinkAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/Account/ForgotPassword");
        return await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "forgot-password",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
        }));
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, Uri link, string email, string password)
    {
        var form = await client.GetStringAsync(link.PathAndQuery);
        return await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Code"] = WebUtility.HtmlDecode(HiddenCode().Match(form).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    [GeneratedRegex("href=\"([^\"]+/Account/ResetPassword\\?code=[^\"]+)\"")]
    private static partial Regex ResetLink();

    [GeneratedRegex("href=\"([^\"]+/Account/ConfirmEmail\\?[^\"]+)\"")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("name=\"Input.Code\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenCode();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
