using System.Security.Cryptography;
using System.Text;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerPath.Web.Components.Account;

/// <summary>
/// With no mail service, the account confirmation link is handed to the browser that proved it owns the account
/// (it just registered it, or just gave its password), in a short-lived encrypted cookie. The confirmation page
/// shows a link only from that cookie, so it answers the same for any email address typed into its URL.
/// </summary>
internal static class ConfirmationLink
{
    private const string CookieName = "CareerPath.Confirmation";
    private const string Purpose = "CareerPath.ConfirmationLink";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static async Task IssueAsync(HttpContext context, UserManager<ApplicationUser> users, NavigationManager navigation, ApplicationUser user, string? returnUrl)
    {
        var userId = await users.GetUserIdAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = navigation.GetUriWithQueryParameters(
            navigation.ToAbsoluteUri("Account/ConfirmEmail").AbsoluteUri,
            new Dictionary<string, object?> { ["userId"] = userId, ["code"] = code, ["returnUrl"] = returnUrl });
        context.Response.Cookies.Append(CookieName, Protector(context).Protect(link, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/Account",
            MaxAge = Lifetime,
        });
    }

    /// <summary>The link this browser was given, if any and still valid.</summary>
    public static string? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            return Protector(context).Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
