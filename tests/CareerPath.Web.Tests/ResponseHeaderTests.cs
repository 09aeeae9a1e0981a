using System.Net;
using CareerPath.Domain.Goals;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>
/// Nothing the app answers may be kept by a browser or proxy cache (personal pages and downloads above all), and
/// every answer carries the security headers: pages, downloads, redirects to sign-in, 404 and 429 alike.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ResponseHeaderTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Personal_pages_and_every_download_answer_no_store_with_the_security_headers()
    {
        var user = await app.CreateAsync();
        Guid roadmapId;
        Guid goalId;
        await using (var scope = app.ScopeFor(user))
        {
            var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();
            var roadmap = await roadmaps.CreateAsync("To TPM", "product-manager", "technical-product-manager", null);
            roadmapId = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, "Ask for a stretch project", (await roadmaps.TodayAsync()).AddDays(30), null)).Roadmap.Id;
            var goals = scope.ServiceProvider.GetRequiredService<GoalService>();
            goalId = (await goals.CreateAsync(new GoalFields("Run twelve customer interviews soon", GoalHorizon.ShortTerm, ProgressMode.Steps,
                null, null, null, null, [], null, null, null, (await goals.TodayAsync()).AddDays(30)))).Id;
        }

        var client = await app.SignedInClientAsync(user);
        string[] pages =
        [
            "/dashboard", "/assessment", "/assessment/audit", "/assessment/aspirations", "/assessment/feedback",
            "/goals", "/goals/new", $"/goals/{goalId}", "/roadmap", "/roadmap/compare", $"/roadmap/{roadmapId}", $"/roadmap/{roadmapId}/print",
            "/Account/Manage", "/Account/Manage/Data", "/Account/Manage/ChangePassword",
        ];
        string[] downloads =
        [
            "/Account/Manage/DownloadData", $"/roadmap/{roadmapId}/export/md", $"/roadmap/{roadmapId}/export/csv", $"/roadmap/{roadmapId}/export/json",
            "/goals/export/calendar.ics", "/goals/export/goals.csv",
        ];

        foreach (var path in pages.Concat(downloads))
        {
            using var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            AssertNotStored(path, response);
            AssertSecurityHeaders(path, response);
        }
    }

    [Theory]
    [InlineData("/goals", HttpStatusCode.Redirect)]
    [InlineData("/dashboard", HttpStatusCode.Redirect)]
    [InlineData("/Account/Manage/DownloadData", HttpStatusCode.Redirect)]
    [InlineData("/roadmap/6a1b6cf6-6a3e-4a0e-9d2c-8d1f5f8f0d11/export/md", HttpStatusCode.Redirect)]
    [InlineData("/goals/export/calendar.ics", HttpStatusCode.Redirect)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/feedback/not-a-real-token", HttpStatusCode.OK)]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task Anonymous_answers_redirects_and_not_found_pages_are_not_stored_and_carry_the_security_headers(string path, HttpStatusCode expected)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }

        AssertNotStored(path, response);
        AssertSecurityHeaders(path, response);
    }

    [Fact]
    public async Task A_sign_in_post_and_its_redirect_are_not_stored_and_carry_the_security_headers()
    {
        var user = await app.CreateAsync();
        var client = app.CreateBrowserlessClient();

        using var response = await TestUsers.PostSignInAsync(client, user.Email!, TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertNotStored("POST /Account/Login", response);
        AssertSecurityHeaders("POST /Account/Login", response);
    }

    [Fact]
    public async Task A_rate_limited_answer_is_not_stored_and_carries_the_security_headers()
    {
        await using var limited = new CareerPathAppFactory { RateLimitScale = 1 };
        var client = limited.CreateBrowserlessClient();

        HttpResponseMessage? last = null;
        for (var i = 0; i <= RateLimits.FeedbackLinksPerMinute; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/feedback/guessed-token-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        AssertNotStored("429", last);
        AssertSecurityHeaders("429", last);
        last.Dispose();
    }

    [Fact]
    public async Task Static_files_carry_the_security_headers_and_may_be_cached()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders("/app.css", response);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, "the style sheet holds nothing personal and should stay cacheable");
    }

    [Fact]
    public async Task Styles_and_scripts_are_compressed_and_fingerprinted_but_pages_never_compressed()
    {
        var client = app.CreateBrowserlessClient();
        var user = await app.CreateAsync();
        var signedIn = await app.SignedInClientAsync(user);
        foreach (var (who, path) in new[] { (client, "/"), (client, "/Account/Login"), (signedIn, "/dashboard") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            using var page = await who.SendAsync(request);
            // A page holds antiforgery tokens and personal data: compressed over TLS it could leak them (BREACH).
            Assert.Empty(page.Content.Headers.ContentEncoding);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var asset in new[] { "app" })
            {
                var match = System.Text.RegularExpressions.Regex.Match(html, $"href=\"({asset}\\.[a-z0-9]+\\.css)\"");
                Assert.True(match.Success, $"{path} links {asset} without a fingerprint");
                using var css = new HttpRequestMessage(HttpMethod.Get, "/" + match.Groups[1].Value);
                css.Headers.Add("Accept-Encoding", "br, gzip");
                using var styles = await client.SendAsync(css);
                // Immutable caching is the published app's (PublishTests); a build serves the same files no-cache.
                Assert.NotEmpty(styles.Content.Headers.ContentEncoding);
            }
        }

        using var script = new HttpRequestMessage(HttpMethod.Get, "/_framework/blazor.web.js");
        script.Headers.Add("Accept-Encoding", "br, gzip");
        using var blazor = await client.SendAsync(script);
        Assert.Equal(HttpStatusCode.OK, blazor.StatusCode);
        Assert.Contains(blazor.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        Assert.True((await blazor.Content.ReadAsByteArrayAsync()).Length < 100_000, "blazor.web.js is about 187 KB uncompressed");
    }

    private static void AssertNotStored(string path, HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control is '{response.Headers.CacheControl}', not no-store");

    private static void AssertSecurityHeaders(string path, HttpResponseMessage response)
    {
        var expected = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = SecurityHeaders.ContentSecurityPolicy,
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "no-referrer",
            ["Cross-Origin-Opener-Policy"] = "same-origin",
        };
        foreach (var (name, value) in expected)
        {
            var actual = response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "(missing)";
            Assert.True(actual == value, $"{path} ({(int)response.StatusCode}): {name} is '{actual}'");
        }

        Assert.True(response.Headers.Contains("Permissions-Policy"), $"{path}: Permissions-Policy is missing");
    }
}
