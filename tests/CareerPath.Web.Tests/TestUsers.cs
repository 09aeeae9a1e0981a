using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>Creates real accounts and acts as them, through services or over HTTP.</summary>
public static partial class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static async Task<ApplicationUser> CreateAsync(this CareerPathAppFactory app, string? currentRole = "product-manager")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, CurrentRoleSlug = currentRole, DisplayName = "Test " + email[5..9] };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A DI scope whose authentication state is the given user, as inside their circuit.</summary>
    public static AsyncServiceScope ScopeFor(this CareerPathAppFactory app, ApplicationUser user)
    {
        var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>Signs in through the real sign-in form; the client keeps the cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this CareerPathAppFactory app, ApplicationUser user)
    {
        var client = app.CreateBrowserlessClient();
        var response = await PostSignInAsync(client, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the real sign-in form (with its antiforgery token); <paramref name="path"/> is where it is posted.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string path = "/Account/Login")
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
