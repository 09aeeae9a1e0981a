using System.Net;
using System.Text.RegularExpressions;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>The operator's account commands, run as a separate process against the database of a running app.</summary>
public sealed partial class AccountCommandTests : IDisposable
{
    private readonly ReliabilityDb _files = new();
    private readonly string _database;

    public AccountCommandTests() => _database = _files.File("careerpath.db");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Reset_password_gives_a_new_password_that_signs_in_and_ends_every_session_while_the_app_runs()
    {
        await using var app = AppProcess.Start(_database);
        await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));
        using var signedIn = Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(signedIn, "alice@example.com", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("Account/Manage/DownloadData")).StatusCode);

        var (code, output, error) = await ToolProcess.RunAsync("reset-password", "Alice@Example.com", "--database", _database);

        Assert.True(code == 0, error);
        var password = NewPassword().Match(output).Groups[1].Value;
        Assert.Equal(20, password.Length);
        using var after = await signedIn.GetAsync("Account/Manage/DownloadData");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestUsers.PostSignInAsync(Client(app), "alice@example.com", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(Client(app), "alice@example.com", password)).StatusCode);
    }

    [Fact]
    public async Task List_users_shows_each_account_and_reset_password_refuses_an_unknown_email_with_one_line()
    {
        await using (var app = AppProcess.Start(_database))
        {
            await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "bob@example.com", "Bob"));
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));
        }

        var (code, output, error) = await ToolProcess.RunAsync("list-users", "--database", _database);
        Assert.True(code == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("alice@example.com\tAlice\tsince ", lines[0]);
        Assert.StartsWith("bob@example.com\tBob\tsince ", lines[1]);
        Assert.EndsWith("\t1 session\tadministrator", lines[1]); // registering signs in; the first account runs the server
        Assert.EndsWith("\t1 session", lines[0]);
        Assert.Equal("2 accounts.", lines[2]);

        (code, output, error) = await ToolProcess.RunAsync("reset-password", "carol@example.com", "--database", _database);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal("No account has the email carol@example.com. `list-users` shows them.", error.TrimEnd('\n'));

        (code, _, error) = await ToolProcess.RunAsync("reset-password", "--database", _database);
        Assert.Equal(2, code);
        Assert.StartsWith("Give the email of the account.", error);
    }

    [Fact]
    public async Task Make_admin_grants_and_removes_administrator_rights_but_never_the_last_ones()
    {
        await using (var app = AppProcess.Start(_database))
        {
            await app.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));
            Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "bob@example.com", "Bob"));
        }

        Assert.Equal((0, "bob@example.com is an administrator.\n", ""), await ToolProcess.RunAsync("make-admin", "bob@example.com", "--database", _database));
        Assert.Equal((0, "alice@example.com is no longer an administrator.\n", ""), await ToolProcess.RunAsync("make-admin", "alice@example.com", "--remove", "--database", _database));

        var (code, output, error) = await ToolProcess.RunAsync("make-admin", "bob@example.com", "--remove", "--database", _database);
        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("This is the server's only administrator.", error);
        var (_, list, _) = await ToolProcess.RunAsync("list-users", "--database", _database);
        Assert.DoesNotContain("administrator", list.Split('\n')[0]);
        Assert.EndsWith("\tadministrator", list.Split('\n')[1]);
    }

    private static HttpClient Client(AppProcess app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };


    [GeneratedRegex("is now: (\\S+)")]
    private static partial Regex NewPassword();
}
