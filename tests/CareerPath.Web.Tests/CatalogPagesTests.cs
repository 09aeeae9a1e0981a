using System.Net;

namespace CareerPath.Web.Tests;

/// <summary>The catalog pages are public and their content is in the first HTML response.</summary>
[Collection(AppCollection.Name)]
public sealed class CatalogPagesTests(CareerPathAppFactory app)
{
    [Theory]
    [InlineData("Associate Technical Product Manager", "$83,350 – $133,305")]
    [InlineData("Technical Product Manager", "$120,011 – $180,000")]
    [InlineData("Senior Technical Product Manager", "$135,000 – $185,000")]
    [InlineData("Director of Product Management", "$150,221 – $220,000")]
    [InlineData("Vice President of Product Management", "$191,250 – $215,000")]
    public async Task Roles_page_shows_the_tpm_ladder_with_salary_bands(string role, string band)
    {
        var html = await GetHtmlAsync("/roles");

        Assert.Contains(role, html);
        Assert.Contains(band, html);
    }

    [Theory]
    [InlineData("Business Analyst")]
    [InlineData("Project Manager")]
    [InlineData("Junior Product Manager")]
    [InlineData("Associate Product Manager")]
    [InlineData("Product Owner")]
    [InlineData("Group Product Manager")]
    public async Task Roles_page_shows_the_product_ladder_and_its_entry_points(string role) =>
        Assert.Contains(role, await GetHtmlAsync("/roles"));

    [Fact]
    public async Task Roles_page_draws_the_salary_chart_in_the_first_response()
    {
        var html = await GetHtmlAsync("/roles");

        Assert.Contains("class=\"salary-chart__rows\"", html);
        Assert.Contains("Salary bands by role", html);
        // Each band is text too: Technical Product Manager's published range, as the catalog holds it.
        Assert.Matches(@"Technical Product Manager</span>\s*<span class=""salary-chart__track""", html);
        Assert.Contains("How the ladders connect", html);
    }

    [Fact]
    public async Task Role_page_shows_what_the_role_does_its_skills_and_where_it_leads()
    {
        var html = await GetHtmlAsync("/roles/technical-product-manager");

        Assert.Contains("<h1", html);
        Assert.Contains("$120,011 – $180,000", html);
        Assert.Contains("Expected skill levels", html);
        Assert.Contains("System architecture", html);
        Assert.Contains("roles/senior-technical-product-manager", html);
        Assert.Contains("roles/associate-technical-product-manager", html);
        Assert.Contains("an estimate", html);
    }

    [Fact]
    public async Task An_unknown_role_answers_404_with_a_friendly_page()
    {
        var response = await app.CreateClient().GetAsync("/roles/astronaut");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("couldn't find that role", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_a_friendly_page()
    {
        var response = await app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("find that page", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Operational TPM")]
    [InlineData("Strategic TPM")]
    [InlineData("Risk Management TPM")]
    [InlineData("Transformational TPM")]
    [InlineData("Startup TPM")]
    [InlineData("Compliance-focused TPM")]
    public async Task Tracks_page_lists_the_six_tpm_tracks(string track) =>
        Assert.Contains(track, await GetHtmlAsync("/tracks"));

    [Theory]
    [InlineData("Software development")]
    [InlineData("System architecture")]
    [InlineData("Strategic thinking and vision")]
    [InlineData("Stakeholder management")]
    [InlineData("Market and trend analysis")]
    public async Task Skills_page_lists_skills_with_their_rubric(string skill)
    {
        var html = await GetHtmlAsync("/skills");

        Assert.Contains(skill, html);
        Assert.Contains("1 · Aware", html);
        Assert.Contains("5 · Expert", html);
        Assert.Contains("Expected level by role", html);
    }

    [Theory]
    [InlineData("CSPO")]
    [InlineData("Certified Product Manager")]
    [InlineData("Certified Product Owner")]
    [InlineData("Certified Product Leader")]
    [InlineData("MBA")]
    [InlineData("Mentorship")]
    [InlineData("Conferences")]
    public async Task Certifications_page_lists_credentials_and_growth_opportunities(string text) =>
        Assert.Contains(text, await GetHtmlAsync("/certifications"));

    [Fact]
    public async Task Home_page_shows_the_career_factor_scores_and_steps()
    {
        var html = await GetHtmlAsync("/");

        Assert.Contains("Eight steps toward the TPM role", html);
        Assert.Equal(8, CountOccurrences(html, "class=\"factor\""));
    }

    private async Task<string> GetHtmlAsync(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
