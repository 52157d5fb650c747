using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// Behind a load balancer or reverse proxy that ends TLS, the portal must learn the client's address
/// (audit log, throttling) and that the request came over https (secure cookies, antiforgery, HSTS).
/// Only the proxies the operator names in <c>Network:KnownProxies</c> (addresses) or
/// <c>Network:KnownNetworks</c> (CIDR) are believed; with none named the headers are ignored, because
/// anyone could send them.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "Network:KnownProxies";
    public const string KnownNetworksKey = "Network:KnownNetworks";

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var proxies = Values(configuration, KnownProxiesKey);
            var networks = Values(configuration, KnownNetworksKey);
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front of the portal: only its own entry is taken.
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesKey}: '{proxy}' is geen IP-adres (is not an IP address)."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{KnownNetworksKey}: '{network}' is geen netwerk zoals 10.0.0.0/8 (is not a CIDR network)."));
            }
        });
        return services;
    }

    /// <summary>Believes the named proxies' forwarded headers, first of all, so everything after sees the client.</summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsConfigured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>True when the operator named at least one proxy to believe.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        Values(configuration, KnownProxiesKey).Count > 0 || Values(configuration, KnownNetworksKey).Count > 0;

    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            // Also "10.0.0.5,10.0.0.6" from one environment variable.
            list.AddRange(single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return list.Where(v => v.Length > 0).ToList();
    }
}
