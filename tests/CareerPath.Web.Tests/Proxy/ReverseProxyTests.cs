using System.Net;
using System.Text.RegularExpressions;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Proxy;

/// <summary>
/// The built app behind a real nginx with TLS (deploy/nginx/careerpath.conf), trusting only nginx's address:
/// it sees https and each client's own address, and believes no forwarded header from anyone else.
/// </summary>
public sealed partial class ReverseProxyTests : IAsyncLifetime
{
    private static readonly IPAddress ClientA = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress ClientB = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.4");

    private readonly string _folder = Directory.CreateTempSubdirectory("careerpath-proxy-").FullName;
    private AppProcess _app = default!;
    private Nginx _nginx = default!;

    public async Task InitializeAsync()
    {
        _app = AppProcess.Start(Path.Combine(_folder, "careerpath.db"), new Dictionary<string, string>
        {
            ["ReverseProxy__KnownProxies"] = Nginx.ProxyAddress.ToString(),
            // The real limits (10 sign-ins a minute per client), not the tests' usual scaled ones.
            ["RateLimits__Scale"] = "1",
            // On its own this switch would believe any X-Forwarded-For; the trusted list must still decide.
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        });
        await _app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        _nginx = await Nginx.StartAsync(_app.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Through_nginx_redirects_go_to_https_hsts_is_sent_for_a_year_and_the_session_cookie_is_secure()
    {
        using var client = Nginx.ClientFrom(ClientA, _nginx.BaseAddress);

        using var redirect = await SendAsync(client, HttpMethod.Get, "dashboard");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://careerpath.test/Account/Login", redirect.Headers.Location!.ToString());
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(redirect.Headers.GetValues("Strict-Transport-Security")));

        using var form = await SendAsync(client, HttpMethod.Get, "Account/Register");
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var registered = await SendAsync(client, HttpMethod.Post, "Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = $"proxy-{Guid.NewGuid():N}@example.com",
            ["Input.DisplayName"] = "Proxy Test",
            ["Input.CurrentRoleSlug"] = "product-manager",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("https://careerpath.test/", registered.Headers.Location!.ToString());
        var session = Assert.Single(registered.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Through_nginx_each_client_has_its_own_sign_in_limit_whatever_x_forwarded_for_it_sends()
    {
        using var a = Nginx.ClientFrom(ClientA, _nginx.BaseAddress);
        using var b = Nginx.ClientFrom(ClientB, _nginx.BaseAddress);

        // Client A sends a different made-up X-Forwarded-For each time; nginx appends A's real address, and the app
        // takes only that last hop, so all eleven count against A.
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var allowed = await SignInAsync(a, spoofedFor: $"203.0.113.{attempt}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var limited = await SignInAsync(a, spoofedFor: "203.0.113.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        using var other = await SignInAsync(b, spoofedFor: null);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_hop_are_ignored()
    {
        // Straight to the app over http, not through nginx, claiming to be a proxy.
        using var direct = Nginx.ClientFrom(Stranger, _app.BaseAddress);

        using var redirect = await SendAsync(direct, HttpMethod.Get, "dashboard", forwardedFor: "198.51.100.7", forwardedProto: "https");
        Assert.StartsWith("http://careerpath.test/Account/Login", redirect.Headers.Location!.ToString());
        Assert.False(redirect.Headers.Contains("Strict-Transport-Security"));

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var allowed = await SignInAsync(direct, spoofedFor: $"198.51.100.{attempt}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var limited = await SignInAsync(direct, spoofedFor: "198.51.100.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string? spoofedFor) =>
        SendAsync(client, HttpMethod.Post, "Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.com",
            ["Input.Password"] = "not the password",
        }), spoofedFor);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null,
        string? forwardedFor = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // A real name: HSTS is never sent to localhost or a bare loopback address.
        request.Headers.Host = "careerpath.test";
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
