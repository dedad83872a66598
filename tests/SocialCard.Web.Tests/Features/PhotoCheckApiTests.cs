using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SocialCard.Web.Security.ApiKeys;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

public sealed class PhotoCheckApiTests : IClassFixture<PhotoCheckApiTests.Site>
{
    public const string Key = "test-key-0123456789";
    public const string SlowKey = "test-key-slow";

    private readonly Site _site;

    public PhotoCheckApiTests(Site site) => _site = site;

    public sealed class Site : SiteFactory
    {
        public Site()
        {
            Settings["ApiKeys:Keys:0:Name"] = "hr-vendor";
            Settings["ApiKeys:Keys:0:Sha256"] = ApiKeyHash.Compute(Key);
            Settings["ApiKeys:Keys:0:PermitsPerMinute"] = "600";
            Settings["ApiKeys:Keys:1:Name"] = "slow-vendor";
            Settings["ApiKeys:Keys:1:Sha256"] = ApiKeyHash.Compute(SlowKey);
            Settings["ApiKeys:Keys:1:PermitsPerMinute"] = "2";
        }
    }

    [Fact]
    public async Task Check_without_a_key_is_a_bilingual_401()
    {
        using HttpClient client = _site.CreateClient();
        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", Photos("compliant", 1));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("API 密钥", doc.RootElement.GetProperty("zh").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("API key", doc.RootElement.GetProperty("en").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("problem.unauthorized", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_with_a_wrong_key_is_401()
    {
        using HttpClient client = Client("not-the-key");
        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", Photos("compliant", 1));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Check_reports_pass_for_compliant_and_fail_with_Chinese_reasons_for_a_coloured_background()
    {
        using HttpClient client = Client(Key);
        var content = new MultipartFormDataContent();
        string good = DevsetPhotos.WithLabel("compliant", 1)[0];
        string bad = DevsetPhotos.WithLabel("background.color", 1)[0];
        Add(content, good);
        Add(content, bad);
        content.Add(new StringContent("suzhou-sscard"), "profile");
        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using JsonDocument doc = JsonDocument.Parse(body);
        Assert.Equal("suzhou-sscard", doc.RootElement.GetProperty("profile").GetString());
        JsonElement[] photos = [.. doc.RootElement.GetProperty("photos").EnumerateArray()];
        Assert.Equal(2, photos.Length);
        Assert.Equal(good, photos[0].GetProperty("file").GetString());
        Assert.Contains(photos[0].GetProperty("verdict").GetString(), new[] { "pass", "warn" });
        Assert.Equal("fail", photos[1].GetProperty("verdict").GetString());
        JsonElement failing = photos[1].GetProperty("findings").EnumerateArray().First(f => f.GetProperty("outcome").GetString() == "fail");
        Assert.Equal("background.color", failing.GetProperty("rule").GetString());
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", failing.GetProperty("message").GetProperty("zh").GetString()!);
    }

    [Fact]
    public async Task Unknown_profile_is_a_400_problem_naming_the_available_ones()
    {
        using HttpClient client = Client(Key);
        MultipartFormDataContent content = Photos("compliant", 1);
        content.Add(new StringContent("mars-card"), "profile");
        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("suzhou-sscard", doc.RootElement.GetProperty("zh").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("No photo profile", doc.RootElement.GetProperty("en").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_fifty_photos_are_refused()
    {
        using HttpClient client = Client(Key);
        var content = new MultipartFormDataContent();
        byte[] bytes = DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0]);
        for (int i = 0; i < 51; i++)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "file", $"{i:D10}.jpg");
        }

        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_file_is_a_400()
    {
        using HttpClient client = Client(Key);
        var content = new MultipartFormDataContent { { new StringContent("suzhou-sscard"), "profile" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/photos/check", content)).StatusCode);
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_and_the_429_says_when_to_retry()
    {
        using HttpClient slow = Client(SlowKey);
        HttpStatusCode[] codes = new HttpStatusCode[4];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (await slow.GetAsync("/api/v1/photos/profiles")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, codes[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        HttpResponseMessage limited = await slow.GetAsync("/api/v1/photos/profiles");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        using JsonDocument doc = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("problem.ratelimited", doc.RootElement.GetProperty("code").GetString());

        // The other integrator is not affected.
        using HttpClient fast = Client(Key);
        Assert.Equal(HttpStatusCode.OK, (await fast.GetAsync("/api/v1/photos/profiles")).StatusCode);
    }

    [Fact]
    public async Task A_unit_browser_session_is_not_an_api_credential()
    {
        using HttpClient client = _site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, TestAccounts.UnitA, TestAccounts.Password);
        HttpResponseMessage response = await client.PostAsync("/api/v1/photos/check", Photos("compliant", 1));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Client(string key)
    {
        HttpClient client = _site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static MultipartFormDataContent Photos(string label, int count)
    {
        var content = new MultipartFormDataContent();
        foreach (string file in DevsetPhotos.WithLabel(label, count))
        {
            Add(content, file);
        }

        return content;
    }

    private static void Add(MultipartFormDataContent content, string file)
    {
        var part = new ByteArrayContent(DevsetPhotos.Read(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "file", file);
    }
}
