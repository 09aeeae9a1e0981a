using System.Security.Cryptography;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerPath.Web.Security;

/// <summary>
/// Sign-in that answers an unknown email, a wrong password, a locked account and an unconfirmed one alike, and in
/// about the same time, so the sign-in form cannot be used to find out which emails have accounts.
/// </summary>
/// <remarks>
/// Identity returns at once for an unknown email, and for a locked or unconfirmed account before checking the
/// password; each of those paths here checks a password hash first (a dummy one for an unknown email), so every
/// attempt costs one PBKDF2 verification. "Confirm your email first" is said only to someone who gave the right
/// password.
/// </remarks>
public sealed class UniformSignInManager(
        UserManager<ApplicationUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<ApplicationUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<ApplicationUser> confirmation,
        DummyPasswordHash dummyHash)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(dummyHash.User, dummyHash.Value, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        if (await PreSignInCheck(user) is not { } refused)
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        // Locked or not allowed: still pay for one hash check, and tell "not allowed" apart only with the right password.
        var passwordMatches = UserManager.PasswordHasher.VerifyHashedPassword(
            user, user.PasswordHash ?? dummyHash.Value, password) != PasswordVerificationResult.Failed && user.PasswordHash is not null;
        return refused.IsNotAllowed && !passwordMatches ? SignInResult.Failed : refused;
    }
}

/// <summary>
/// A hash of a random password nobody knows, made with the app's own hasher settings (same PBKDF2 iteration count),
/// so verifying against it costs what verifying a real password does.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _value = new(() =>
        new PasswordHasher<ApplicationUser>(options).HashPassword(new ApplicationUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    public ApplicationUser User { get; } = new();

    public string Value => _value.Value;
}
