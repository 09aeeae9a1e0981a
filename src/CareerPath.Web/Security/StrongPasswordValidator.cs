using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareerPath.Web.Security;

/// <summary>
/// Refuses passwords that zxcvbn scores below <see cref="MinimumScore"/> (0–4): common words, keyboard walks,
/// repeats, dates and the user's own email or name, with a hint on what made it weak.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var result = Evaluate(password, user.Email, user.UserName, user.DisplayName);
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = result.Feedback }));
    }

    public static (int Score, string Feedback) Evaluate(string password, params string?[] userInputs)
    {
        var inputs = userInputs.Where(i => !string.IsNullOrWhiteSpace(i))
            .SelectMany(i => i!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Append(i!))
            .ToList();
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, inputs);
        var patterns = result.MatchSequence.Select(m => m.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hint = patterns switch
        {
            _ when result.MatchSequence.Any(m => m.Pattern == "dictionary" && inputs.Any(i => i.Equals(m.Token, StringComparison.OrdinalIgnoreCase))) =>
                "It contains your email or name.",
            _ when patterns.Contains("dictionary") => "It is built from common words or passwords.",
            _ when patterns.Contains("spatial") => "It follows a keyboard pattern.",
            _ when patterns.Contains("repeat") => "It repeats characters.",
            _ when patterns.Contains("sequence") => "It uses a sequence such as abc or 123.",
            _ when patterns.Contains("date") => "It contains a date.",
            _ => "It is too predictable.",
        };
        return (result.Score, $"This password is too easy to guess (it would be cracked in {result.CrackTimeDisplay}). {hint} Add a few unrelated words or make it longer.");
    }
}
