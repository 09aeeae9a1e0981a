using System.Buffers.Binary;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CareerPath.Data;
using CareerPath.Data.Identity;
using CareerPath.Web.Components.Account;
using CareerPath.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareerPath.Web.Tests;

/// <summary>Sessions end on the server when they should; sign-in and registration give nothing away.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SessionTests(CareerPathAppFactory app)
{
    private const string NewPassword = "a brand new passphrase for tests";

    [Fact]
    public async Task A_cookie_copied_before_sign_out_gets_the_sign_in_page_not_the_data_download()
    {
        var user = await app.CreateAsync();
        var (browser, copiedCookie) = await SignInAsync(user);
        var thief = ClientWithCookie(copiedCookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Account/Manage/DownloadData")).StatusCode);

        var signOut = await PostFormAsync(browser, "/dashboard", "/Account/Logout", new() { ["ReturnUrl"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await thief.GetAsync("/Account/Manage/DownloadData"));
        AssertSentToSignIn(await thief.GetAsync("/dashboard"));
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var user = await app.CreateAsync();
        var (here, hereCookie) = await SignInAsync(user);
        var (_, elsewhereCookie) = await SignInAsync(user);

        var change = await PostFormAsync(here, "/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", new()
        {
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        AssertSentToSignIn(await ClientWithCookie(elsewhereCookie).GetAsync("/Account/Manage/DownloadData"));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Account/Manage/DownloadData")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientWithCookie(hereCookie).GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_including_this_one()
    {
        var user = await app.CreateAsync();
        var (here, hereCookie) = await SignInAsync(user);
        var (_, elsewhereCookie) = await SignInAsync(user);
        var page = await here.GetStringAsync("/Account/Manage/Sessions");
        Assert.Contains("This browser", page);
        string? stampBefore = null;
        await app.WithDbAsync(async db => stampBefore = (await db.Users.FindAsync(user.Id))!.SecurityStamp);

        var response = await PostFormAsync(here, "/Account/Manage/Sessions", "/Account/Manage/Sessions", new() { ["_handler"] = "sign-out-everywhere" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Login", response.Headers.Location!.ToString());
        AssertSentToSignIn(await ClientWithCookie(elsewhereCookie).GetAsync("/Account/Manage/DownloadData"));
        AssertSentToSignIn(await ClientWithCookie(hereCookie).GetAsync("/Account/Manage/DownloadData"));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuthSessions, s => s.UserId == user.Id));
            Assert.NotEqual(stampBefore, (await db.Users.FindAsync(user.Id))!.SecurityStamp);
        });
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/goals")]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/DownloadData")]
    public async Task A_session_whose_account_was_deleted_gets_the_sign_in_page_not_an_error(string path)
    {
        var user = await app.CreateAsync();
        var (_, cookie) = await SignInAsync(user);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        }

        AssertSentToSignIn(await ClientWithCookie(cookie).GetAsync(path));
    }

    [Fact]
    public async Task The_register_confirmation_page_answers_the_same_for_any_address()
    {
        var user = await app.CreateAsync();
        var client = app.CreateBrowserlessClient();

        var known = await client.GetAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(user.Email!));
        var unknown = await client.GetAsync("/Account/RegisterConfirmation?email=nobody-" + Guid.NewGuid().ToString("N") + "@example.com");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownBody = Normalise(await known.Content.ReadAsStringAsync());
        Assert.Equal(knownBody, Normalise(await unknown.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("ConfirmEmail", knownBody);
    }

    [Fact]
    public async Task Only_the_browser_that_registered_or_knows_the_password_is_shown_the_confirmation_link()
    {
        await using var confirming = new CareerPathAppFactory { ConfigureServices = b => b.UseSetting("Accounts:RequireConfirmedAccount", "true") };
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var registrant = confirming.CreateBrowserlessClient();

        var registered = await PostFormAsync(registrant, "/Account/Register", "/Account/Register", new()
        {
            ["_handler"] = "register",
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var confirmationPage = registered.Headers.Location!.ToString();
        Assert.Contains("/Account/RegisterConfirmation", confirmationPage);

        var shown = await registrant.GetStringAsync(confirmationPage);
        var link = WebUtility.HtmlDecode(ConfirmLink().Match(shown).Groups[1].Value);
        Assert.Contains("/Account/ConfirmEmail?", link);
        var stranger = await confirming.CreateBrowserlessClient().GetStringAsync(confirmationPage);
        var unknown = await confirming.CreateBrowserlessClient().GetStringAsync("/Account/RegisterConfirmation?email=nobody%40example.com");
        Assert.DoesNotContain("ConfirmEmail", stranger);
        Assert.Equal(Normalise(unknown), Normalise(stranger));

        // Someone with the password gets the link again; a wrong password hears what everyone hears.
        var wrong = await TestUsers.PostSignInAsync(confirming.CreateBrowserlessClient(), email, "not the password at all");
        Assert.Contains("match an account, or the account is locked", await wrong.Content.ReadAsStringAsync());
        var owner = confirming.CreateBrowserlessClient();
        var again = await TestUsers.PostSignInAsync(owner, email, TestUsers.Password);
        Assert.Contains("/Account/RegisterConfirmation", again.Headers.Location!.ToString());
        Assert.Contains("/Account/ConfirmEmail?", await owner.GetStringAsync(again.Headers.Location));

        Assert.Contains("your email is confirmed", await registrant.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(confirming.CreateBrowserlessClient(), email, TestUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_answers_an_unknown_email_exactly_as_a_wrong_password_and_a_locked_account()
    {
        var user = await app.CreateAsync();
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.com";
        var (real, unknown) = (app.CreateBrowserlessClient(), app.CreateBrowserlessClient());

        for (var attempt = 1; attempt <= AccountRules.MaxFailedSignIns; attempt++)
        {
            var wrongPassword = await TestUsers.PostSignInAsync(real, user.Email!, "wrong password " + attempt);
            var noAccount = await TestUsers.PostSignInAsync(unknown, unknownEmail, "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
            Assert.Equal(wrongPassword.StatusCode, noAccount.StatusCode);
            Assert.Equal(Normalise(await wrongPassword.Content.ReadAsStringAsync(), user.Email!), Normalise(await noAccount.Content.ReadAsStringAsync(), unknownEmail));
        }

        // The real account is now locked: even its right password gets the very page an unknown email gets.
        var locked = await TestUsers.PostSignInAsync(real, user.Email!, TestUsers.Password);
        var stillUnknown = await TestUsers.PostSignInAsync(unknown, unknownEmail, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(locked.StatusCode, stillUnknown.StatusCode);
        var lockedPage = Normalise(await locked.Content.ReadAsStringAsync(), user.Email!);
        Assert.Equal(lockedPage, Normalise(await stillUnknown.Content.ReadAsStringAsync(), unknownEmail));
        Assert.Contains("locked for 15 minutes", lockedPage);
        Assert.False(locked.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_each_cost_one_full_strength_password_check()
    {
        var hasher = new RecordingHasher();
        await using var counted = new CareerPathAppFactory
        {
            ConfigureServices = b => b.ConfigureTestServices(services =>
            {
                services.RemoveAll<IPasswordHasher<ApplicationUser>>();
                services.AddSingleton<IPasswordHasher<ApplicationUser>>(sp => hasher.Wrap(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()));
            }),
        };
        var user = await counted.CreateAsync();
        var client = counted.CreateBrowserlessClient();

        hasher.Verified.Clear();
        await TestUsers.PostSignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", "any password at all");
        var unknown = Assert.Single(hasher.Verified);
        Assert.True(Iterations(unknown) >= AccountRules.PasswordHashIterations, $"{Iterations(unknown)} iterations");

        await using (var scope = counted.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        hasher.Verified.Clear();
        var locked = await TestUsers.PostSignInAsync(client, user.Email!, "any password at all");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True(Iterations(Assert.Single(hasher.Verified)) >= AccountRules.PasswordHashIterations);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:evil.example")]
    public async Task An_external_return_url_on_sign_in_or_registration_redirects_inside_the_app(string returnUrl)
    {
        var user = await app.CreateAsync();
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        AssertStaysInApp(await TestUsers.PostSignInAsync(app.CreateBrowserlessClient(), user.Email!, TestUsers.Password, "/Account/Login" + query));

        var email = $"new-{Guid.NewGuid():N}@example.com";
        AssertStaysInApp(await PostFormAsync(app.CreateBrowserlessClient(), "/Account/Register", "/Account/Register" + query, new()
        {
            ["_handler"] = "register",
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
    }

    [Fact]
    public async Task A_local_return_url_is_still_followed_after_sign_in()
    {
        var user = await app.CreateAsync();

        var response = await TestUsers.PostSignInAsync(app.CreateBrowserlessClient(), user.Email!, TestUsers.Password, "/Account/Login?ReturnUrl=goals%3Ffilter%3Dopen");

        Assert.EndsWith("/goals?filter=open", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_sign_out_post_without_a_token_gets_a_safe_redirect_and_signs_nothing_out()
    {
        var user = await app.CreateAsync();
        var (client, _) = await SignInAsync(user);

        var withoutToken = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "" }));
        var withoutBody = await client.PostAsync("/Account/Logout", null);

        foreach (var response in new[] { withoutToken, withoutBody })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/SignOut", response.Headers.Location!.ToString());
        }

        var confirm = await client.GetStringAsync("/Account/SignOut");
        Assert.Contains("Sign out?", confirm);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        // The page's own form, with its fresh token, does sign out.
        var signedOut = await PostFormAsync(client, "/Account/SignOut", "/Account/Logout", new());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        AssertSentToSignIn(await client.GetAsync("/dashboard"));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_sign_out_return_url_never_leaves_the_app(string returnUrl)
    {
        var user = await app.CreateAsync();
        var (client, _) = await SignInAsync(user);

        AssertStaysInApp(await PostFormAsync(client, "/dashboard", "/Account/Logout", new() { ["ReturnUrl"] = returnUrl }));
    }

    [Theory]
    [InlineData(null, "dashboard")]
    [InlineData("", "dashboard")]
    [InlineData("goals", "goals")]
    [InlineData("/goals/3?tab=steps#top", "goals/3?tab=steps#top")]
    [InlineData("~/roadmap", "roadmap")]
    [InlineData("roles?q=a:b", "roles?q=a:b")]
    [InlineData("https://evil.example/", "dashboard")]
    [InlineData("//evil.example", "dashboard")]
    [InlineData("~//evil.example", "dashboard")]
    [InlineData("/\\evil.example", "dashboard")]
    [InlineData("\\/evil.example", "dashboard")]
    [InlineData("/\r\n/evil.example", "dashboard")]
    [InlineData(" //evil.example", "dashboard")]
    [InlineData("javascript:alert(1)", "dashboard")]
    [InlineData("JavaScript:alert(1)", "dashboard")]
    [InlineData("data:text/html,x", "dashboard")]
    public void Return_urls_are_kept_only_when_they_stay_inside_the_app(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrDefault(url, "dashboard"));

    [Fact]
    public async Task Recording_a_sessions_activity_waits_its_turn_at_the_write_gate_like_a_save()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var timed = CareerPathAppFactory.WithClock(clock);
        var user = await timed.CreateAsync();
        var sessions = timed.Services.GetRequiredService<ServerSessions>();
        var session = await sessions.StartAsync(user.Id);
        // Once first, so the write below is compiled and quick, and only the gate can hold it up.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await sessions.IsActiveAsync(session, user.Id));
        clock.Advance(TimeSpan.FromMinutes(2));

        // Two minutes on, the first activity writes the session's last-seen time: it queues behind a save in progress
        // instead of taking SQLite's lock from under it (and leaving that save asleep in the busy handler).
        Task<bool> touched;
        using (await WriteGate.EnterAsync(CancellationToken.None))
        {
            touched = sessions.IsActiveAsync(session, user.Id);
            await Task.Delay(1000);
            Assert.False(touched.IsCompleted, "the session was written while another write held the gate");
        }

        Assert.True(await touched.WaitAsync(TimeSpan.FromSeconds(10)));
        await timed.WithDbAsync(async db =>
            Assert.Equal(clock.GetUtcNow().UtcDateTime, (await db.AuthSessions.SingleAsync(s => s.Id == session)).LastSeenAtUtc, TimeSpan.FromSeconds(1)));

        // Signing out everywhere else deletes through the gate too.
        var other = await sessions.StartAsync(user.Id);
        Task<int> ended;
        using (await WriteGate.EnterAsync(CancellationToken.None))
        {
            ended = sessions.EndAllAsync(user.Id, keepSessionId: session);
            await Task.Delay(1000);
            Assert.False(ended.IsCompleted, "sessions were deleted while another write held the gate");
        }

        Assert.Equal(1, await ended.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await sessions.IsActiveAsync(other, user.Id));
    }

    [Fact]
    public async Task A_session_ends_after_30_minutes_without_activity_and_12_hours_after_sign_in_even_on_an_open_page()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var timed = CareerPathAppFactory.WithClock(clock);
        var user = await timed.CreateAsync();
        var sessions = timed.Services.GetRequiredService<ServerSessions>();

        // An open page's actions are the only activity: each one keeps the session alive for another 30 minutes.
        var busy = await sessions.StartAsync(user.Id);
        var idle = await sessions.StartAsync(user.Id);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(25))
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            Assert.True(await sessions.IsActiveAsync(busy, user.Id), $"ended after {elapsed}");
            if (elapsed <= TimeSpan.FromMinutes(25))
            {
                // A background re-check is not activity: 25 minutes after sign-in the session is alive, at 50 it has ended.
                Assert.Equal(elapsed == TimeSpan.Zero, await sessions.IsActiveAsync(idle, user.Id, recordActivity: false));
            }
        }

        Assert.False(await sessions.IsActiveAsync(idle, user.Id));
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.False(await sessions.IsActiveAsync(busy, user.Id));
        Assert.False(await sessions.IsActiveAsync(await sessions.StartAsync(user.Id), "someone-else"));
    }

    [Fact]
    public async Task An_open_pages_minute_check_holds_while_the_session_and_the_stamp_hold_and_fails_once_either_changes()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var timed = CareerPathAppFactory.WithClock(clock);
        var user = await timed.CreateAsync();
        var other = await timed.CreateAsync();
        var sessions = timed.Services.GetRequiredService<ServerSessions>();
        string stamp = "";
        await timed.WithDbAsync(async db => stamp = (await db.Users.FindAsync(user.Id))!.SecurityStamp!);
        var session = await sessions.StartAsync(user.Id);

        Assert.True(await sessions.IsStillSignedInAsync(session, user.Id, stamp));
        // Another account's id, no stamp, a stamp of another spelling, a made-up session: all refused.
        Assert.False(await sessions.IsStillSignedInAsync(session, other.Id, stamp));
        Assert.False(await sessions.IsStillSignedInAsync(session, user.Id, null));
        Assert.False(await sessions.IsStillSignedInAsync(session, user.Id, stamp.ToLowerInvariant() == stamp ? stamp.ToUpperInvariant() : stamp.ToLowerInvariant()));
        Assert.False(await sessions.IsStillSignedInAsync("no-such-session", user.Id, stamp));

        // The check is not activity: 25 minutes on the session holds, 32 minutes after sign-in it has ended for idleness.
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await sessions.IsStillSignedInAsync(session, user.Id, stamp));
        clock.Advance(TimeSpan.FromMinutes(7));
        Assert.False(await sessions.IsStillSignedInAsync(session, user.Id, stamp));

        // A new session, then the stamp renewed (as a password reset does) without ending it: refused.
        var second = await sessions.StartAsync(user.Id);
        Assert.True(await sessions.IsStillSignedInAsync(second, user.Id, stamp));
        await using (var scope = timed.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        }

        Assert.False(await sessions.IsStillSignedInAsync(second, user.Id, stamp));

        // And a session ended (sign-out) is refused whatever the stamp.
        string renewed = "";
        await timed.WithDbAsync(async db => renewed = (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp!);
        Assert.True(await sessions.IsStillSignedInAsync(second, user.Id, renewed));
        await sessions.EndAsync(second);
        Assert.False(await sessions.IsStillSignedInAsync(second, user.Id, renewed));
    }

    [Fact]
    public async Task The_open_pages_minute_check_reads_the_principal_sign_in_builds_and_fails_on_a_renewed_stamp_an_ended_session_or_a_deleted_account()
    {
        var user = await app.CreateAsync();
        var sessions = app.Services.GetRequiredService<ServerSessions>();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var provider = Assert.IsType<IdentityRevalidatingAuthenticationStateProvider>(services.GetRequiredService<AuthenticationStateProvider>());
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();

        // The principal as sign-in builds it (ServerSessions adds its session claim as the cookie is issued).
        async Task<ClaimsPrincipal> SignedInAsync(string session)
        {
            var principal = await factory.CreateAsync((await users.FindByIdAsync(user.Id))!);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ServerSessions.ClaimType, session));
            return principal;
        }

        var first = await SignedInAsync(await sessions.StartAsync(user.Id));
        Assert.True(await provider.IsStillSignedInAsync(first));

        // The password changed elsewhere renews the stamp: the page signed in before it is refused, a new sign-in is not.
        await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        Assert.False(await provider.IsStillSignedInAsync(first));
        var session = await sessions.StartAsync(user.Id);
        var second = await SignedInAsync(session);
        Assert.True(await provider.IsStillSignedInAsync(second));

        await sessions.EndAsync(session);
        Assert.False(await provider.IsStillSignedInAsync(second));

        var third = await SignedInAsync(await sessions.StartAsync(user.Id));
        Assert.True(await provider.IsStillSignedInAsync(third));
        Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        Assert.False(await provider.IsStillSignedInAsync(third));
    }

    [Fact]
    public async Task A_changed_security_stamp_is_noticed_once_the_check_is_due_and_not_asked_for_before()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var validatorsBuilt = 0;
        await using var timed = new CareerPathAppFactory
        {
            ConfigureServices = builder => builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
                // Identity's validator as registered, counted each time a request has it built (with its sign-in
                // manager, user manager, store and database context).
                services.AddScoped<SecurityStampValidator<ApplicationUser>>();
                services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator>(provider =>
                {
                    Interlocked.Increment(ref validatorsBuilt);
                    return provider.GetRequiredService<SecurityStampValidator<ApplicationUser>>();
                }));
            }),
        };
        var user = await timed.CreateAsync();
        var response = await TestUsers.PostSignInAsync(timed.CreateBrowserlessClient(), user.Email!, TestUsers.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var browser = timed.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        browser.DefaultRequestHeaders.Add("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);

        // The stamp changes behind the session's back (the session itself is not ended).
        await timed.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
        });

        // Four minutes after the cookie was issued the check is not due, as in Identity: the page is served.
        // Nor is Identity's validator built for those requests: that is what SecurityStampCheck saves.
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage/DownloadData")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage/DownloadData")).StatusCode);
        Assert.Equal(0, Volatile.Read(ref validatorsBuilt));

        // Six minutes after, it is due: the changed stamp sends the same cookie to sign in.
        clock.Advance(TimeSpan.FromMinutes(2));
        AssertSentToSignIn(await browser.GetAsync("/Account/Manage/DownloadData"));
        Assert.Equal(1, Volatile.Read(ref validatorsBuilt));
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(ApplicationUser user)
    {
        var client = app.CreateBrowserlessClient();
        var response = await TestUsers.PostSignInAsync(client, user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>Another browser holding only a copy of the sign-in cookie.</summary>
    private HttpClient ClientWithCookie(string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    private static void AssertStaysInApp(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var resolved = new Uri(new Uri("http://localhost/"), location);
        Assert.Equal("localhost", resolved.Host);
        Assert.DoesNotContain("evil", location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", location, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The page without what legitimately differs: the email typed back into the form, and what is encrypted afresh
    /// for every response (the form token, Blazor's persisted component state).
    /// </summary>
    private static string Normalise(string html, string email = "") =>
        PersistedState().Replace(AntiforgeryToken().Replace(email.Length == 0 ? html : html.Replace(email, "EMAIL", StringComparison.Ordinal), "TOKEN"), "STATE");

    /// <summary>Identity's v3 format: marker, PRF, iteration count (big-endian), salt length, salt, subkey.</summary>
    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex PersistedState();

    [GeneratedRegex("href=\"([^\"]*Account/ConfirmEmail[^\"]*)\"")]
    private static partial Regex ConfirmLink();

    /// <summary>The real hasher, recording every hash it is asked to verify against.</summary>
    private sealed class RecordingHasher
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Verified { get; } = new();

        public IPasswordHasher<ApplicationUser> Wrap(IOptions<PasswordHasherOptions> options) => new Recording(this, new PasswordHasher<ApplicationUser>(options));

        private sealed class Recording(RecordingHasher log, PasswordHasher<ApplicationUser> inner) : IPasswordHasher<ApplicationUser>
        {
            public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
            {
                log.Verified.Enqueue(hashedPassword);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
