using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareerPath.Web.Security;

/// <summary>
/// Running behind a TLS-terminating reverse proxy (nginx, Caddy). <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only when the connection comes from an address listed in
/// <c>ReverseProxy:KnownProxies</c> or a network in <c>ReverseProxy:KnownNetworks</c>, and only the last hop is
/// taken (the one that proxy added). With neither set, forwarded headers are ignored entirely, even when
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is set (that switch alone would believe anyone).
/// </summary>
public sealed class ReverseProxy
{
    public const string ProxiesKey = "ReverseProxy:KnownProxies";
    public const string NetworksKey = "ReverseProxy:KnownNetworks";

    private ReverseProxy(IReadOnlyList<IPAddress> proxies, IReadOnlyList<(IPAddress Prefix, int Length)> networks)
    {
        Proxies = proxies;
        Networks = networks;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<(IPAddress Prefix, int Length)> Networks { get; }

    public bool IsTrusted => Proxies.Count > 0 || Networks.Count > 0;

    /// <summary>Reads the settings; a value that is not an address or a network stops start-up with its key and value.</summary>
    public static ReverseProxy FromConfiguration(IConfiguration configuration)
    {
        var proxies = Values(configuration, ProxiesKey).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new SettingsException($"{ProxiesKey}: '{value}' is not an IP address (for example 127.0.0.1 or ::1).")).ToList();
        var networks = Values(configuration, NetworksKey).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? (network.BaseAddress, network.PrefixLength)
            : throw new SettingsException($"{NetworksKey}: '{value}' is not a network in CIDR form (for example 10.0.0.0/8).")).ToList();
        return new ReverseProxy(proxies, networks);
    }

    /// <summary>Applies the trusted hops to the forwarded-headers options, after anything else configured them.</summary>
    public void Apply(IServiceCollection services)
    {
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownNetworks.Clear();
            options.ForwardedHeaders = IsTrusted ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.ForwardLimit = 1;
            foreach (var proxy in Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var (prefix, length) in Networks)
            {
                options.KnownNetworks.Add(new Microsoft.AspNetCore.HttpOverrides.IPNetwork(prefix, length));
            }
        });
        // A year, subdomains included; sent only over HTTPS (directly or through a trusted proxy), never to localhost.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
    }

    // Either a list (KnownProxies__0=…, a JSON array) or one comma-separated value (KnownProxies=a,b).
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        return values.Select(value => value.Trim()).Where(value => value.Length > 0);
    }
}

/// <summary>A setting the app cannot use; start-up stops with its message as one line.</summary>
public sealed class SettingsException(string message) : Exception(message);
