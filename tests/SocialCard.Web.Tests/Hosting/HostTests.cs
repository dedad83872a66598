using System.Net;
using System.Text.Json;
using SocialCard.Web.Hosting;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

public sealed class HostTests : IClassFixture<SiteFactory>
{
    private readonly SiteFactory _site;

    public HostTests(SiteFactory site) => _site = site;

    [Fact]
    public async Task Home_is_Chinese_by_default_even_for_an_English_browser()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        HttpResponseMessage response = await client.SendAsync(request);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("参保单位登录", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_switch_sets_a_cookie_and_the_next_page_is_English()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage switched = await client.GetAsync("/culture/en?returnUrl=%2Fportal%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/portal/login", switched.Headers.Location?.OriginalString);
        string cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".SocialCard.Culture=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        string html = await client.GetStringAsync("/portal/login");
        Assert.Contains("Employer sign-in", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Culture_switch_never_redirects_off_site(string returnUrl)
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/portal/login")]
    [InlineData("/console/login")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync(path);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Unknown_page_is_a_404_page_in_Chinese()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("请检查网址", html, StringComparison.Ordinal);
        Assert.DoesNotContain("稍后重试", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_banner_names_an_applicant_who_can_start_the_wizard()
    {
        await using var demo = new DemoSite();
        using HttpClient client = demo.CreateBrowserLikeClient();
        StorageStartupService startup = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<Microsoft.Extensions.Hosting.IHostedService>(demo.Services).OfType<StorageStartupService>().Single();
        string line = Assert.Single(startup.DemoLines, l => l.Contains("申请人", StringComparison.Ordinal));
        string id = System.Text.RegularExpressions.Regex.Match(line, "\\d{17}[\\dX]").Value;
        Assert.Equal(18, id.Length);
        Assert.Null(SocialCard.Platform.Domain.Validation.ResidentIdNumber.Validate(id, DateOnly.FromDateTime(DateTime.UtcNow), out _));
        await using SocialCard.Platform.Storage.PlatformDbContext db = demo.Database.CreateDbContext();
        byte[] hash = db.LookupHash(id);
        long person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.People.Where(p => p.IdNumberHash == hash).Select(p => p.Id));
        Assert.False(db.Applications.Any(a => a.PersonId == person));
    }

    [Fact]
    public async Task The_demo_sample_package_names_the_first_units_people_so_its_upload_shows_passes_failures_and_fixes()
    {
        await using var demo = new DemoSite();
        demo.Settings["Demo:SamplePhotos"] = DevsetPhotos.ImagesDirectory;
        using HttpClient client = demo.CreateBrowserLikeClient();
        StorageStartupService startup = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<Microsoft.Extensions.Hosting.IHostedService>(demo.Services).OfType<StorageStartupService>().Single();
        string line = Assert.Single(startup.DemoLines, l => l.Contains("示例照片包", StringComparison.Ordinal));
        string zipPath = line[(line.LastIndexOf("  ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.True(File.Exists(zipPath), zipPath);
        string unit = (await demo.UnitsAsync())[0].Code;
        Assert.Contains(unit, line, StringComparison.Ordinal);

        HttpResponseMessage signIn = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unit, ["Password"] = DemoSite.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        long batch = await PortalClient.UploadAndGetBatchAsync(client, await File.ReadAllBytesAsync(zipPath));
        await PortalClient.WaitForReviewAsync(client, batch);
        string html = await client.GetStringAsync($"/portal/batches/{batch}");
        Assert.Contains("data-verdict=\"Passed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"Failed\"", html, StringComparison.Ordinal);
        Assert.Contains("fix-link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("人员编号不匹配", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_finds_its_favicon()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] icon = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, icon[..4]);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_bilingual_problem()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("资源不存在", doc.RootElement.GetProperty("zh").GetProperty("title").GetString());
        Assert.Equal("Resource not found", doc.RootElement.GetProperty("en").GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_is_served_with_the_api_key_scheme()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        string json = await client.GetStringAsync("/openapi/v1.json");
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Fact]
    public async Task Stylesheet_is_served_and_small()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        HttpResponseMessage response = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 16 * 1024);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}
