using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Services;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>
/// Two peers and one supervisor answer. Whatever the page, the download or the database show afterwards, the
/// supervisor's own ratings (all 5s, where the peers gave 1 and 2) must not be recoverable.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FeedbackAnonymityTests(CareerPathAppFactory app)
{
    [Fact]
    public async Task Two_peers_and_a_supervisor_reveal_neither_the_supervisors_ratings_on_the_page_nor_in_the_export()
    {
        var user = await app.CreateAsync();
        var client = await app.SignedInClientAsync(user);
        Guid roundId;
        await using (var scope = app.ScopeFor(user))
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            var respondents = scope.ServiceProvider.GetRequiredService<RespondentService>();
            var skills = (await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync()).Skills.Select(s => s.Slug).ToList();
            foreach (var (name, relationship, level, comment) in new[]
                     {
                         ("Pat", Relationship.Peer, 1, "Zero surprises in planning"),
                         ("Quinn", Relationship.Peer, 2, "Always prepared"),
                         ("Sky", Relationship.Supervisor, 5, "Measured under pressure"),
                     })
            {
                var link = await feedback.AskInOpenRoundAsync(name, relationship);
                await respondents.SubmitAsync(link.Token, skills.ToDictionary(s => s, _ => (int?)level), comment);
            }

            roundId = (await feedback.ListRoundsAsync())[0].Id;
        }

        // While the round is open, three answers are in, and still no figure or comment is on the page.
        var open = await client.GetStringAsync("/assessment/feedback");
        Assert.Contains("3 of 3 people answered", open);
        Assert.DoesNotContain("data-testid=\"feedback-summary\"", open);
        Assert.DoesNotContain("Always prepared", open);

        await using (var scope = app.ScopeFor(user))
        {
            await scope.ServiceProvider.GetRequiredService<FeedbackService>().CloseAsync(roundId);
        }

        // The page: one column of figures, "All others", each (1 + 2 + 5) / 3 = 2.67 → "2.7"; no Peers or Supervisors column.
        var page = await client.GetStringAsync("/assessment/feedback");
        var table = TableOf(page);
        Assert.Contains("All others", table);
        Assert.DoesNotContain("Peers", table);
        Assert.DoesNotContain("Supervisors", table);
        var cells = Cells().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("2.7", cells);
        Assert.DoesNotContain("5", cells);

        // Comments without names, in alphabetical order rather than the order they arrived in (Pat, Quinn, Sky).
        var comments = Between(page, "data-testid=\"comments\"", "</ul>");
        Assert.Equal(["Always prepared", "Measured under pressure", "Zero surprises in planning"],
            Items().Matches(comments).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("Pat", comments);

        // The export: links and their status, and the aggregated results only.
        var export = JsonNode.Parse(await client.GetStringAsync("/Account/Manage/DownloadData"))!;
        var round = export["feedbackRounds"]![0]!;
        foreach (var link in round["links"]!.AsArray())
        {
            Assert.Equal(["respondentName", "relationship", "createdAtUtc", "status", "answeredAtUtc", "revokedAtUtc"], link!.AsObject().Select(p => p.Key));
        }

        var groups = round["results"]!["groups"]!.AsArray();
        var overall = Assert.Single(groups)!;
        Assert.Null(overall["relationship"]);
        Assert.All(overall["averages"]!.AsObject(), a => Assert.Equal(2.67, a.Value!.GetValue<double>()));
        Assert.Null(export["feedbackRequests"]);
        Assert.DoesNotContain("\"level\"", export.ToJsonString());

        // The database no longer holds anyone's answers.
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM FeedbackRatings r JOIN FeedbackRequests q ON q.Id = r.FeedbackRequestId WHERE q.OwnerId = $id", user.Id));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM FeedbackRequests WHERE OwnerId = $id AND Comment IS NOT NULL", user.Id));
    }

    [Fact]
    public async Task A_round_closed_with_two_answers_says_not_enough_answers_and_keeps_nothing()
    {
        var user = await app.CreateAsync();
        var client = await app.SignedInClientAsync(user);
        await using (var scope = app.ScopeFor(user))
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            foreach (var name in new[] { "Pat", "Quinn" })
            {
                var link = await feedback.AskInOpenRoundAsync(name, Relationship.Peer);
                await scope.ServiceProvider.GetRequiredService<RespondentService>().SubmitAsync(link.Token, new Dictionary<string, int?> { ["communication"] = 4 }, "Kind words");
            }

            await feedback.CloseAsync((await feedback.ListRoundsAsync())[0].Id);
        }

        var page = await client.GetStringAsync("/assessment/feedback");

        Assert.Contains("Not enough answers: 2 people answered", page);
        Assert.DoesNotContain("No blind spots", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kind words", page);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM FeedbackRequests WHERE OwnerId = $id AND Comment IS NOT NULL", user.Id));
    }

    [Fact]
    public async Task A_version_1_file_with_each_respondents_answers_imports_as_aggregates_only()
    {
        var user = await app.CreateAsync();
        var created = DateTime.UtcNow.AddDays(-40).ToString("O");
        var answered = DateTime.UtcNow.AddDays(-35).ToString("O");
        var expires = DateTime.UtcNow.AddDays(-10).ToString("O");
        string Request(string name, string relationship, int level) =>
            $$"""{"respondentName":"{{name}}","relationship":"{{relationship}}","createdAtUtc":"{{created}}","expiresAtUtc":"{{expires}}","revokedAtUtc":null,"submittedAtUtc":"{{answered}}","comment":"From {{name}}","answers":[{"skill":"communication","level":{{level}}}]}""";
        var file = $$"""
            {"format":"careerpath-export","version":1,"exportedAtUtc":"{{answered}}","profile":{"email":null,"displayName":null,"currentRoleSlug":null},
             "audits":[],"feedbackRequests":[{{Request("Pat", "Peer", 1)}},{{Request("Quinn", "Peer", 2)}},{{Request("Sky", "Supervisor", 5)}}],
             "aspiration":null,"roadmaps":[],"goals":[]}
            """;

        await using (var scope = app.ScopeFor(user))
        {
            var message = await scope.ServiceProvider.GetRequiredService<AccountDataService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)));
            Assert.Contains("1 feedback round", message);
        }

        var export = JsonNode.Parse(await (await app.SignedInClientAsync(user)).GetStringAsync("/Account/Manage/DownloadData"))!;
        var round = export["feedbackRounds"]![0]!;
        var overall = Assert.Single(round["results"]!["groups"]!.AsArray())!;

        // (1 + 2 + 5) / 3 = 2.67; the two peers alone would be a column of two, so there is none.
        Assert.Equal(2.67, overall["averages"]!["communication"]!.GetValue<double>());
        Assert.Equal(["From Pat", "From Quinn", "From Sky"], round["results"]!["comments"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM FeedbackRatings r JOIN FeedbackRequests q ON q.Id = r.FeedbackRequestId WHERE q.OwnerId = $id", user.Id));
    }

    private static string TableOf(string page) => Between(page, "data-testid=\"feedback-summary\"", "</table>");

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page.");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }

    private async Task<long> ScalarAsync(string sql, string userId)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex Cells();

    [GeneratedRegex("<li[^>]*>([^<]*)</li>")]
    private static partial Regex Items();
}
