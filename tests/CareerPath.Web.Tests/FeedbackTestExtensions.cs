using CareerPath.Domain.Assessment;
using CareerPath.Web.Features.Assessment;

namespace CareerPath.Web.Tests;

internal static class FeedbackTestExtensions
{
    /// <summary>Asks someone in the user's open round, starting a three-week round first if there is none.</summary>
    public static async Task<CreatedFeedbackLink> AskInOpenRoundAsync(this FeedbackService feedback, string name, Relationship relationship)
    {
        var open = (await feedback.ListRoundsAsync()).FirstOrDefault(r => !r.IsClosed)
            ?? await feedback.StartRoundAsync("Test round", feedback.Today.AddDays(FeedbackRound.DefaultOpenDays));
        return await feedback.AskAsync(open.Id, name, relationship);
    }
}
