using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

/// <summary>Host-level security with small limits: login rate limit, upload size limits, cookies over HTTPS.</summary>
public sealed class SecurityTests(SecurityTests.Site site) : IClassFixture<SecurityTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site()
        {
            Settings["Security:MaxUploadBytes"] = "300000";
            Settings["Security:MaxPhotoBytes"] = "100000";
        }
    }

    [Fact]
    public async Task A_package_over_the_upload_limit_is_refused()
    {
        using HttpClient client = await UnitAsync();
        HttpResponseMessage response = await PortalClient.UploadZipAsync(client, new byte[400_000]);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_loose_photo_over_the_photo_limit_is_refused_with_a_Chinese_message()
    {
        using HttpClient client = await UnitAsync();
        string token = FormPost.Token(await client.GetStringAsync("/portal"));
        var part = new ByteArrayContent(new byte[150_000]);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { part, "photos", "0100000001.jpg" } };
        HttpResponseMessage response = await client.PostAsync("/portal?handler=Upload", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("上传内容过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_session_and_antiforgery_cookies_are_secure_and_http_only()
    {
        using HttpClient client = site.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost/"),
        });
        HttpResponseMessage form = await client.GetAsync("/portal/login");
        string antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".SocialCard.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        HttpResponseMessage signedIn = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = TestAccounts.UnitA, ["Password"] = TestAccounts.Password });
        string session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".SocialCard.Unit=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_post_form_of_the_portal_and_console_carries_an_antiforgery_token()
    {
        using HttpClient unit = await UnitAsync();
        using HttpClient staff = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(staff, TestAccounts.Admin, TestAccounts.Password);
        foreach ((HttpClient client, string path) in (IEnumerable<(HttpClient, string)>)[(unit, "/portal"), (staff, "/console/queue"), (staff, "/console/exchange"), (staff, "/console/registry"), (staff, "/console/people")])
        {
            string html = await client.GetStringAsync(path);
            int forms = System.Text.RegularExpressions.Regex.Count(html, "<form[^>]*method=\"post\"");
            int tokens = System.Text.RegularExpressions.Regex.Count(html, "name=\"__RequestVerificationToken\"");
            Assert.True(forms > 0 && tokens >= forms, $"{path}: {forms} post forms, {tokens} tokens");
        }
    }

    private async Task<HttpClient> UnitAsync()
    {
        HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, TestAccounts.UnitA, TestAccounts.Password);
        return client;
    }
}

/// <summary>Sign-in posts are rate-limited per client address (own site: the limit is shared by every sign-in).</summary>
public sealed class LoginRateLimitTests(LoginRateLimitTests.Site site) : IClassFixture<LoginRateLimitTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() => Settings["Security:LoginPermitsPerMinute"] = "4";
    }

    [Fact]
    public async Task Sign_in_posts_past_the_per_minute_limit_get_429()
    {
        using HttpClient client = site.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            statuses.Add((await FormPost.PostAsync(client, "/console/login", new Dictionary<string, string> { ["StaffLogin"] = "nobody", ["Password"] = "x" })).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/login")).StatusCode); // reading the form is not limited
    }
}
