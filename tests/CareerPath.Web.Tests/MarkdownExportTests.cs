using System.Net;
using System.Text.RegularExpressions;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Services;
using Markdig;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests;

/// <summary>
/// Whatever a user types into a roadmap's name or a milestone's title, the Markdown export renders it as the same
/// text and nothing else: no HTML, no link, no image, no formatting. Checked by rendering the downloaded file with
/// Markdig, plain CommonMark and with its GitHub-style extensions (autolinks, tables, attributes, media links).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MarkdownExportTests(CareerPathAppFactory app)
{
    private static readonly MarkdownPipeline[] Renderers =
    [
        new MarkdownPipelineBuilder().Build(),
        new MarkdownPipelineBuilder().UseAdvancedExtensions().Build(),
    ];

    // What the export itself writes: headings, paragraphs, bold, a list and a table.
    private static readonly HashSet<string> ExpectedElements = ["h1", "h2", "p", "strong", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"];

    private static readonly string[] PayloadList =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click me](javascript:alert(1))",
        "[click me](JaVaScRiPt:alert(1) \"title\")",
        "![pixel](https://evil.example/track.png)",
        "<javascript:alert(1)>",
        "<https://evil.example/>",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "https://evil.example/login",
        "www.evil.example",
        "mail evil@example.com",
        "&#106;avascript&#58;alert(1) &lt;b&gt;",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "line one\r\n<b>line two</b>\n    indented code",
        "**bold** _it_ `code` ~~gone~~ # heading",
        "cell | breaker | <i>x</i>",
        "{#id .class onclick=alert(1)} trailing \\",
    ];

    public static TheoryData<string> Payloads => [.. PayloadList];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void User_text_renders_as_the_same_text_and_creates_no_html_link_or_formatting(string payload)
    {
        var markdown = $"# {MarkdownText.Inline(payload)}\n\nFrom **{MarkdownText.Inline(payload)}**.\n\n| # | Milestone |\n| --- | --- |\n| 1 | {MarkdownText.Inline(payload)} |\n";

        AssertInert(markdown, payload, expectedCopies: 3);
    }

    [Fact]
    public async Task The_downloaded_roadmap_export_keeps_every_payload_inert()
    {
        var user = await app.CreateAsync();
        var client = await app.SignedInClientAsync(user);
        await using var scope = app.ScopeFor(user);
        var roadmaps = scope.ServiceProvider.GetRequiredService<RoadmapService>();

        foreach (var payload in PayloadList)
        {
            var roadmap = await roadmaps.CreateAsync(payload, "product-manager", "technical-product-manager", null);
            roadmap = (await roadmaps.AddMilestoneAsync(roadmap.Id, roadmap.Version, payload, (await roadmaps.TodayAsync()).AddDays(30), null)).Roadmap;

            using var response = await client.GetAsync($"/roadmap/{roadmap.Id}/export/md");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var markdown = await response.Content.ReadAsStringAsync();

            AssertInert(markdown, payload.Trim(), expectedCopies: 2);
        }
    }

    private static void AssertInert(string markdown, string payload, int expectedCopies)
    {
        var visible = LineBreaks().Replace(payload, " ");
        foreach (var renderer in Renderers)
        {
            var html = Markdown.ToHtml(markdown, renderer);
            var context = $"payload {payload}\nrendered as:\n{html}";

            var unexpected = Elements().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).Where(e => !ExpectedElements.Contains(e)).ToList();
            Assert.True(unexpected.Count == 0, $"elements {string.Join(", ", unexpected)} were created; {context}");
            Assert.DoesNotMatch(@"<[a-z0-9]+\s+[^>]*(href|src|on[a-z]+)\s*=", html);
            var text = WebUtility.HtmlDecode(Tags().Replace(html, ""));
            var copies = Regex.Matches(text, Regex.Escape(visible)).Count;
            Assert.True(copies == expectedCopies, $"the text appears {copies} times, not {expectedCopies}; {context}");
        }
    }

    [GeneratedRegex(@"\r\n|[\r\n]")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex Elements();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
