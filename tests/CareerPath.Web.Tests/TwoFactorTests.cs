using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CareerPath.Web.Tests;

/// <summary>
/// Two-factor sign-in with an authenticator app, driven over HTTP with codes computed here from the shown key by
/// an independent RFC 6238 implementation (what a phone app does).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class TwoFactorTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Turning_on_needs_a_right_code_and_then_sign_in_asks_for_one_or_a_recovery_code_that_works_once()
    {
        var user = await app.CreateAsync();
        using var owner = await app.SignedInClientAsync(user);
        var page = await owner.GetStringAsync("/Account/Manage/TwoFactor");
        Assert.Contains("src=\"data:image/png;base64,", page);
        var key = AuthenticatorKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

        var wrong = await PostAsync(owner, "/Account/Manage/TwoFactor", page, "turn-on", ("Enable.Code", Wrong(Totp(key, now))));
        Assert.Contains("That code is not the one the app shows now", wrong);
        Assert.Contains("Two-factor sign-in is <strong>off</strong>", wrong);

        var on = await PostAsync(owner, "/Account/Manage/TwoFactor", page, "turn-on", ("Enable.Code", Totp(key, now)));
        Assert.Contains("Two-factor sign-in is <strong>on</strong>", on);
        var recoveryCodes = RecoveryCode().Matches(on).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // The password alone now leads only to the second step.
        using var visitor = app.CreateBrowserlessClient();
        using var first = await TestUsers.PostSignInAsync(visitor, user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/dashboard")).StatusCode);
        var step = first.Headers.Location!.PathAndQuery;
        var form = await visitor.GetStringAsync(step);
        Assert.Contains("That code is not right", await PostAsync(visitor, step, form, "login-with-2fa", ("Input.Code", Wrong(Totp(key, now + 1)))));
        using var second = await PostRawAsync(visitor, step, await visitor.GetStringAsync(step), "login-with-2fa", ("Input.Code", Totp(key, now + 1)));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/Account/Manage/DownloadData")).StatusCode);

        // A recovery code instead of the app: once.
        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(user.Email!, recoveryCodes[3])).StatusCode);
        using var reused = await RecoverAsync(user.Email!, recoveryCodes[3]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not right, or was already used", await reused.Content.ReadAsStringAsync());
        Assert.Contains("9 recovery codes left", await owner.GetStringAsync("/Account/Manage/TwoFactor"));
    }

    [Fact]
    public async Task The_second_step_without_the_right_password_first_goes_back_to_sign_in()
    {
        using var stranger = app.CreateBrowserlessClient();

        using var response = await stranger.GetAsync("/Account/LoginWith2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password()
    {
        var user = await app.CreateAsync();
        using var owner = await app.SignedInClientAsync(user);
        var page = await owner.GetStringAsync("/Account/Manage/TwoFactor");
        var key = AuthenticatorKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var on = await PostAsync(owner, "/Account/Manage/TwoFactor", page, "turn-on", ("Enable.Code", Totp(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30)));

        var refused = await PostAsync(owner, "/Account/Manage/TwoFactor", on, "turn-off", ("Disable.Password", "not my password at all"));
        Assert.Contains("That is not your password. Two-factor sign-in stays on.", refused);

        using var off = await PostRawAsync(owner, "/Account/Manage/TwoFactor", refused, "turn-off", ("Disable.Password", TestUsers.Password));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Two-factor sign-in is <strong>off</strong>", await owner.GetStringAsync("/Account/Manage/TwoFactor"));
        using var visitor = app.CreateBrowserlessClient();
        using var signIn = await TestUsers.PostSignInAsync(visitor, user.Email!, TestUsers.Password);
        Assert.Equal("/dashboard", signIn.Headers.Location!.AbsolutePath);
    }

    private async Task<HttpResponseMessage> RecoverAsync(string email, string recoveryCode)
    {
        var visitor = app.CreateBrowserlessClient();
        using var first = await TestUsers.PostSignInAsync(visitor, email, TestUsers.Password);
        const string path = "/Account/LoginWithRecoveryCode";
        return await PostRawAsync(visitor, path, await visitor.GetStringAsync(path), "login-with-recovery-code", ("Input.RecoveryCode", recoveryCode));
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string form, string handler, params (string Name, string Value)[] fields)
    {
        using var response = await PostRawAsync(client, path, form, handler, fields);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string form, string handler, params (string Name, string Value)[] fields)
    {
        var values = new Dictionary<string, string> { ["_handler"] = handler, ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step counter, dynamic truncation, 6 digits.</summary>
    private static string Totp(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    // A code that is certainly not the right one: each digit moved by one.
    private static string Wrong(string code) => string.Concat(code.Select(d => (char)('0' + ((d - '0' + 1) % 10))));

    [GeneratedRegex("data-testid=\"authenticator-key\"[^>]*>([a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
