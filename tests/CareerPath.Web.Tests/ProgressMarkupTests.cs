using CareerPath.Web.Components.Shared;
using CareerPath.Web.Features.Assessment;

namespace CareerPath.Web.Tests;

/// <summary>Progress bars and the assessment tabs, written as markup: the figures and marks a reader sees.</summary>
public sealed class ProgressMarkupTests
{
    [Theory]
    [InlineData(3 * 100.0 / 16, "19")] // 3 of 16 skills rated: 18.75 %, shown as 19
    [InlineData(0.0, "0")]
    [InlineData(100.0, "100")]
    [InlineData(140.0, "100")]
    [InlineData(-5.0, "0")]
    [InlineData(double.NaN, "0")]
    public void A_bar_shows_its_value_rounded_and_kept_between_0_and_100(double value, string percent)
    {
        Assert.Equal(
            $"<span class=\"bar bar--progress\" role=\"progressbar\" aria-label=\"Audit progress\" aria-valuenow=\"{percent}\" aria-valuemin=\"0\" aria-valuemax=\"100\"><span style=\"width: {percent}%\"></span></span>",
            ProgressMarkup.Of(value, "Audit progress").Value);
    }

    [Fact]
    public void A_bars_name_is_encoded()
    {
        Assert.Contains("aria-label=\"&quot;&gt;&lt;script&gt;\"", ProgressMarkup.Of(50, "\"><script>").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_assessment_page_marks_its_own_tab_and_an_audits_results_mark_none()
    {
        Assert.Equal(
            "<nav class=\"tabs\" aria-label=\"Assessment\"><a href=\"assessment\">Overview</a>"
            + "<a href=\"assessment/audit\" class=\"active\" aria-current=\"page\">Skill audit</a>"
            + "<a href=\"assessment/feedback\">Feedback</a><a href=\"assessment/aspirations\">Aspirations</a></nav>",
            AssessmentTabs.Audit.Value);
        Assert.DoesNotContain("aria-current", AssessmentTabs.None.Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"assessment\" class=\"active\" aria-current=\"page\">Overview</a>", AssessmentTabs.Overview.Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"assessment/aspirations\" class=\"active\" aria-current=\"page\">Aspirations</a>", AssessmentTabs.Aspirations.Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"assessment/feedback\" class=\"active\" aria-current=\"page\">Feedback</a>", AssessmentTabs.Feedback.Value, StringComparison.Ordinal);
    }
}
