using System.Net;
using System.Text.RegularExpressions;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>Forms of a running app posted over HTTP as a browser posts them.</summary>
public static partial class AppForms
{
    /// <summary>The register form, in a fresh session (its own antiforgery cookie); <paramref name="posting"/> runs just before the POST.</summary>
    public static async Task<HttpStatusCode> RegisterAsync(Uri baseAddress, string email, string displayName, Action? posting = null)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await client.GetStringAsync("Account/Register");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        posting?.Invoke();
        using var response = await client.PostAsync("Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.CurrentRoleSlug"] = ReliabilityDb.RoleSlug,
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
        return response.StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
