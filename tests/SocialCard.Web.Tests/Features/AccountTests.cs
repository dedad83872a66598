using System.Net;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

public sealed class AccountTests : IClassFixture<SiteFactory>
{
    private readonly SiteFactory _site;

    public AccountTests(SiteFactory site) => _site = site;

    [Theory]
    [InlineData("/portal", "/portal/login")]
    [InlineData("/console", "/console/login")]
    public async Task Protected_areas_send_anonymous_visitors_to_their_login(string path, string login)
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(login, response.Headers.Location?.PathAndQuery ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        string html = await client.GetStringAsync("/portal/login");
        Assert.False(string.IsNullOrEmpty(FormPost.Token(html)));
        HttpResponseMessage response = await client.PostAsync("/portal/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UnitCode"] = TestAccounts.UnitA,
            ["Password"] = TestAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unit_signs_in_with_a_hardened_cookie_and_reaches_the_portal()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string>
        {
            ["UnitCode"] = TestAccounts.UnitA,
            ["Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location?.OriginalString);
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".SocialCard.Unit=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        HttpResponseMessage portal = await client.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal("no-store", portal.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string>
        {
            ["UnitCode"] = TestAccounts.UnitA,
            ["Password"] = "wrong",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("账号或密码错误", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_session_does_not_open_the_console()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, TestAccounts.UnitA, TestAccounts.Password);
        HttpResponseMessage response = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location?.PathAndQuery ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_staff_session_does_not_open_the_portal()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(client, TestAccounts.Admin, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console")).StatusCode);
        HttpResponseMessage response = await client.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string cookieCheck = string.Join(";", (await FormPost.PostAsync(_site.CreateBrowserLikeClient(), "/console/login", new Dictionary<string, string>
        {
            ["StaffLogin"] = TestAccounts.Admin,
            ["Password"] = TestAccounts.Password,
        })).Headers.GetValues("Set-Cookie"));
        Assert.Contains("samesite=strict", cookieCheck, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_a_token()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, TestAccounts.UnitA, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/portal/logout", new FormUrlEncodedContent([]))).StatusCode);
        HttpResponseMessage signedOut = await FormPost.PostAsync(client, "/portal", new Dictionary<string, string>(), "/portal/logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/portal")).StatusCode);
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("staff")]
    public async Task A_copied_cookie_stops_working_when_its_session_signs_out(string audience)
    {
        bool unit = audience == "unit";
        string home = unit ? "/portal" : "/console";
        string cookieName = unit ? ".SocialCard.Unit=" : ".SocialCard.Staff=";
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = unit
            ? await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = TestAccounts.UnitA, ["Password"] = TestAccounts.Password })
            : await FormPost.PostAsync(client, "/console/login", new Dictionary<string, string> { ["StaffLogin"] = TestAccounts.Admin, ["Password"] = TestAccounts.Password });
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName, StringComparison.Ordinal)).Split(';')[0];

        using HttpClient copy = _site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(home)).StatusCode);

        HttpResponseMessage signedOut = await FormPost.PostAsync(client, home, new Dictionary<string, string>(), home + "/logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        HttpResponseMessage replayed = await copy.GetAsync(home);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith(home + "/login", replayed.Headers.Location?.PathAndQuery ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
