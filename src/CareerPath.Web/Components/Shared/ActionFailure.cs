using CareerPath.Domain.Common;
using CareerPath.Web.Services;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// What a failed action tells the user. Refusals the app expects (bad input, a conflict with another tab, something
/// deleted meanwhile) carry their own message; anything else (a database that does not answer in time, a bug) is
/// logged with its stack and explained without jargon, and the page keeps what was typed so it can be sent again.
/// </summary>
public static class ActionFailure
{
    public const string Unexpected =
        "That did not go through: something went wrong on our side, such as a busy database. What you typed is still here; try again in a moment.";

    /// <summary>Every failure but cancellation (the page or connection is going away; there is no one to tell).</summary>
    public static bool Handles(Exception exception) => exception is not OperationCanceledException;

    public static string Describe(Exception exception, ILogger logger)
    {
        if (exception is DomainException or ConflictException or NotFoundException)
        {
            return exception.Message;
        }

        logger.LogError(exception, "An action failed unexpectedly; the user was told and can try again.");
        return Unexpected;
    }
}
