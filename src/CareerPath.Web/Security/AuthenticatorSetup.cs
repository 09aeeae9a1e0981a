using System.Text;
using QRCoder;

namespace CareerPath.Web.Security;

/// <summary>What an authenticator app needs to be set up: the key, readable in groups, and the same as a QR code.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "CareerPath";

    /// <summary>The key in groups of four, lower case, as people type it.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth:// address authenticator apps read (Google's key URI format, RFC 6238 TOTP, 6 digits, 30 s).</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The address as a PNG QR code in a data: URL (an image: no script, allowed by the CSP's img-src).</summary>
    public static string QrCodeDataUrl(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
