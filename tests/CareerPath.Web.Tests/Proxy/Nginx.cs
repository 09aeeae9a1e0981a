using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Proxy;

/// <summary>
/// A real nginx (Debian's package) running the site file from deploy/nginx in front of the app, with a throw-away
/// certificate. nginx connects to the app from <see cref="ProxyAddress"/>, so a test can tell its hop from a
/// client's.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.5");

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private Nginx(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static string SiteFile => Path.Combine(AppProcess.RepositoryRoot, "deploy", "nginx", "careerpath.conf");

    public static async Task<Nginx> StartAsync(Uri app)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (Debian package nginx; .ci/run installs it).");
        var folder = Directory.CreateTempSubdirectory("careerpath-nginx-");
        WriteCertificate(folder.FullName);
        var port = AppProcess.FreePort();
        var site = (await File.ReadAllTextAsync(SiteFile))
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;", StringComparison.Ordinal)
            .Replace("/etc/ssl/careerpath/fullchain.pem", Path.Combine(folder.FullName, "cert.pem"), StringComparison.Ordinal)
            .Replace("/etc/ssl/careerpath/privkey.pem", Path.Combine(folder.FullName, "key.pem"), StringComparison.Ordinal)
            .Replace("http://127.0.0.1:8080", app.ToString().TrimEnd('/'), StringComparison.Ordinal);
        Assert.Contains($"listen 127.0.0.1:{port} ssl;", site);
        Assert.Contains(app.ToString().TrimEnd('/'), site);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "site.conf"), site);
        var temp = folder.FullName;
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            daemon off;
            pid {{temp}}/nginx.pid;
            error_log {{temp}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                proxy_bind {{ProxyAddress}};
                include {{temp}}/site.conf;
            }
            """);
        var process = Process.Start(new ProcessStartInfo(binary, ["-p", temp, "-c", Path.Combine(temp, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var nginx = new Nginx(process, folder, port);
        if (await ServerProcess.WaitUntilListeningAsync(process, port))
        {
            return nginx;
        }

        var log = File.Exists(Path.Combine(temp, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(temp, "error.log")) : "";
        var stderr = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
        await nginx.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start: {stderr} {log}");
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="from"/> (any 127.x address is this machine).</summary>
    public static HttpClient ClientFrom(IPAddress from, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            // The certificate is the test's own throw-away one.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private static void WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=careerpath.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
