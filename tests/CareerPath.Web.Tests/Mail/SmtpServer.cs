using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Mail;

/// <summary>A real SMTP server (Debian's python3-aiosmtpd) on a loopback port, keeping what it receives in a maildir.</summary>
public sealed partial class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private SmtpServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("careerpath-smtp-").FullName;
        var port = AppProcess.FreePort();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start python3 -m aiosmtpd (Debian package python3-aiosmtpd; .ci/run installs it).");
        var server = new SmtpServer(process, folder, port);
        if (await ServerProcess.WaitUntilListeningAsync(process, port))
        {
            return server;
        }

        var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
        await server.DisposeAsync();
        throw new InvalidOperationException("aiosmtpd did not start (Debian package python3-aiosmtpd): " + error);
    }

    /// <summary>The messages received so far, as sent (headers and body, transfer encoding undone).</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            var inbox = Path.Combine(_folder, "maildir", "new");
            return Directory.Exists(inbox)
                ? Directory.GetFiles(inbox).OrderBy(File.GetLastWriteTimeUtc).Select(f => Decode(File.ReadAllText(f))).ToList()
                : [];
        }
    }

    public async Task<string> WaitForMessageToAsync(string address, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Messages.FirstOrDefault(m => m.Contains("To: " + address, StringComparison.OrdinalIgnoreCase)) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {address} arrived within {timeout.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    // Undoes quoted-printable or base64 bodies, so a test can read the link in them.
    private static string Decode(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return raw;
        }

        var (headers, body) = (raw[..split], raw[(split + 2)..]);
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))));
        }
        else if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = QuotedByte().Replace(body.Replace("=\r\n", "").Replace("=\n", ""), m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
        }

        return headers + "\n\n" + body;
    }

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();
}
