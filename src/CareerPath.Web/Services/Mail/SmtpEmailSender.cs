using System.Net;
using System.Net.Mail;
using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareerPath.Web.Services.Mail;

/// <summary>
/// Where account mail goes: an SMTP server set in <c>Smtp:*</c>. Without <c>Smtp:Host</c> the app sends no mail
/// (password resets go through the administrator, confirmation links are shown on screen).
/// </summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password, bool EnableSsl)
{
    public static SmtpSettings? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Smtp");
        if (string.IsNullOrWhiteSpace(section["Host"]))
        {
            return null;
        }

        return new SmtpSettings(
            section["Host"]!,
            int.TryParse(section["Port"] ?? "587", out var port) && port is > 0 and < 65536 ? port : throw new Security.SettingsException($"Smtp:Port: '{section["Port"]}' is not a port number (1 to 65535)."),
            section["From"] is { Length: > 0 } from ? from : throw new Security.SettingsException("Smtp:From is required when Smtp:Host is set: the address mail comes from, for example careerpath@example.org."),
            section["UserName"],
            section["Password"],
            bool.TryParse(section["EnableSsl"] ?? "true", out var ssl) ? ssl : throw new Security.SettingsException($"Smtp:EnableSsl: '{section["EnableSsl"]}' must be true or false."));
    }
}

/// <summary>Sends Identity's account mail (confirmation, password reset) through .NET's SMTP client.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings, ILogger<SmtpEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your CareerPath account",
            $"<p>Confirm the email address of your CareerPath account by opening this link:</p><p><a href=\"{confirmationLink}\">Confirm my account</a></p>" +
            "<p>If you did not create an account, ignore this message.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your CareerPath password",
            $"<p>Someone asked to reset the password of your CareerPath account. To choose a new one, open this link within an hour:</p><p><a href=\"{resetLink}\">Choose a new password</a></p>" +
            "<p>The link works once. If you did not ask, ignore this message: your password stays as it is.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Your CareerPath password reset code", $"<p>Your code: {WebUtility.HtmlEncode(resetCode)}</p>");

    private async Task SendAsync(string to, string subject, string html)
    {
        using var message = new MailMessage(settings.From, to, subject, html) { IsBodyHtml = true };
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        try
        {
            await client.SendMailAsync(message);
        }
        catch (SmtpException ex)
        {
            // The person asking sees the same answer either way (no hint whether the account exists); the operator sees this.
            logger.LogError(ex, "Could not send \"{Subject}\" through {Host}:{Port}", subject, settings.Host, settings.Port);
        }
    }
}
