using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SocialCard.Web.Security;

namespace SocialCard.Web.Hosting;

/// <summary>
/// The client address behind a reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are read only when
/// the connection comes from one of <see cref="SecurityOptions.KnownProxies"/> or
/// <see cref="SecurityOptions.KnownNetworks"/> (none by default, not even loopback). Then every throttle keys on the
/// real client; from anyone else the headers are ignored and the socket address counts.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        var proxies = security.KnownProxies.Select(p => Parse<IPAddress>(p, IPAddress.TryParse, "Security:KnownProxies")).ToList();
        var networks = security.KnownNetworks.Select(n => Parse<System.Net.IPNetwork>(n, System.Net.IPNetwork.TryParse, "Security:KnownNetworks")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);

            // A chain of known proxies is walked from the nearest; the first address that is not a known proxy is the client.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// Reads the forwarded headers when a proxy is configured. With none the middleware stays out altogether: with
    /// empty lists it would trust every sender.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private delegate bool TryParser<T>(string text, out T? value);

    private static T Parse<T>(string text, TryParser<T> parse, string setting) =>
        parse(text.Trim(), out T? value) && value is not null
            ? value
            : throw new InvalidOperationException($"{setting}: '{text}' is not an IP address or network (CIDR).");
}
