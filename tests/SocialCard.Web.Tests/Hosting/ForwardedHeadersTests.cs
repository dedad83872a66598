using System.Net;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>
/// Throttles key on the real client behind a configured proxy, and on the socket address otherwise: a forged
/// <c>X-Forwarded-For</c> from anyone else (loopback included) changes nothing. Sites on real loopback sockets.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_sign_in_limit()
    {
        using var site = NewSite(knownProxy: "127.0.0.1");
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            await PostLoginsAsync(site, "203.0.113.5", 4));

        // Another client through the same proxy is not held up by the first one's attempts.
        Assert.Equal([HttpStatusCode.Unauthorized], await PostLoginsAsync(site, "203.0.113.6", 1));
    }

    [Fact]
    public async Task Without_a_known_proxy_forwarded_addresses_are_ignored_and_the_socket_address_counts()
    {
        using var site = NewSite(knownProxy: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginsAsync(site, "203.0.113.5", 4))[^1]);

        // A made-up client address does not buy a fresh limit.
        Assert.Equal([HttpStatusCode.TooManyRequests], await PostLoginsAsync(site, "203.0.113.6", 1));
    }

    private static SiteFactory NewSite(string? knownProxy)
    {
        var site = new SiteFactory();
        site.Settings["Security:LoginPermitsPerMinute"] = "3";
        if (knownProxy is not null)
        {
            site.Settings["Security:KnownProxies:0"] = knownProxy;
        }

        site.StartOnKestrel();
        return site;
    }

    private static async Task<List<HttpStatusCode>> PostLoginsAsync(SiteFactory site, string forwardedFor, int count)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = site.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < count; i++)
        {
            statuses.Add((await FormPost.PostAsync(client, "/console/login", new Dictionary<string, string> { ["StaffLogin"] = "nobody", ["Password"] = "wrong-" + i })).StatusCode);
        }

        return statuses;
    }
}
