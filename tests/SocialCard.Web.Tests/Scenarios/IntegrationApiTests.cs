using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// The integrator API on SQLite and PostgreSQL: OpenAPI, key checks, per-key scope and rate limits, photo check and
/// fix, batch submit and status, card status by personal number, and RFC 9457 problems with zh and en text.
/// </summary>
public abstract class IntegrationApiTests(ScenarioSite site)
{
    [Fact]
    public async Task OpenApi_document_describes_every_api_route()
    {
        using HttpClient client = site.ApiClient(null);
        using JsonDocument doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        JsonElement paths = doc.RootElement.GetProperty("paths");
        foreach (string path in (string[])["/api/v1/photos/check", "/api/v1/photos/fix", "/api/v1/photos/profiles", "/api/v1/batches", "/api/v1/batches/{id}", "/api/v1/cards/{personalNumber}"])
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " missing from the OpenAPI document");
        }

        Assert.False(paths.TryGetProperty("/portal/batches/{id}/status", out _), "browser endpoints stay out of the API document");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Without_a_valid_key_every_route_is_a_bilingual_401(string? key)
    {
        using HttpClient client = site.ApiClient(key);
        foreach (string path in (string[])[$"/api/v1/batches/{site.BatchOfA}", $"/api/v1/cards/{site.Labels.Keys.First()}", "/api/v1/photos/profiles"])
        {
            HttpResponseMessage response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.RootElement.GetProperty("zh").GetProperty("title").GetString()!);
            Assert.Matches("[A-Za-z]", problem.RootElement.GetProperty("en").GetProperty("title").GetString()!);
        }
    }

    [Fact]
    public async Task A_unit_browser_session_is_not_an_api_credential()
    {
        HttpClient unit = await site.ClientAsync(Role.UnitA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unit.GetAsync($"/api/v1/batches/{site.BatchOfA}")).StatusCode);
    }

    [Fact]
    public async Task Batch_and_card_are_readable_with_the_units_key_and_404_with_another_units_key()
    {
        string number = site.Labels.Keys.First();
        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);
        using HttpClient b = site.ApiClient(ScenarioSite.KeyB);

        using JsonDocument batch = JsonDocument.Parse(await a.GetStringAsync($"/api/v1/batches/{site.BatchOfA}"));
        Assert.True(batch.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(site.Labels.Count, batch.RootElement.GetProperty("entries").GetArrayLength());
        JsonElement failing = batch.RootElement.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("verdict").GetString() == "fail");
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", failing.GetProperty("reasons")[0].GetProperty("zh").GetString()!);

        using JsonDocument card = JsonDocument.Parse(await a.GetStringAsync($"/api/v1/cards/{number}"));
        Assert.Equal(site.UnitA, card.RootElement.GetProperty("unit").GetString());
        Assert.Equal(3, card.RootElement.GetProperty("pickupNotes").GetArrayLength());

        foreach (string path in (string[])[$"/api/v1/batches/{site.BatchOfA}", $"/api/v1/cards/{number}"])
        {
            HttpResponseMessage response = await b.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("problem.notfound", problem.RootElement.GetProperty("code").GetString());
            Assert.False(problem.RootElement.TryGetProperty("unit", out _));
            Assert.False(problem.RootElement.TryGetProperty("entries", out _));
        }
    }

    [Fact]
    public async Task Not_found_problem_speaks_Chinese_by_default_and_English_on_request()
    {
        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);
        using JsonDocument zh = JsonDocument.Parse(await (await a.GetAsync("/api/v1/cards/0000000000")).Content.ReadAsStringAsync());
        using JsonDocument en = JsonDocument.Parse(await (await a.GetAsync("/api/v1/cards/0000000000?lang=en")).Content.ReadAsStringAsync());
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", zh.RootElement.GetProperty("title").GetString()!);
        Assert.DoesNotMatch("\\p{IsCJKUnifiedIdeographs}", en.RootElement.GetProperty("title").GetString()!);
        Assert.Equal(zh.RootElement.GetProperty("en").GetProperty("title").GetString(), en.RootElement.GetProperty("title").GetString());
        Assert.Equal("problem.notfound", zh.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_submitted_through_the_api_is_reviewed_and_another_units_batch_is_refused()
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 2);
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, numbers, [DevsetPhotos.WithLabel("compliant", 3)[2], DevsetPhotos.WithLabel("background.color", 3)[2]]);
        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);

        HttpResponseMessage forB = await a.PostAsync("/api/v1/batches", Package(site.UnitB, zip));
        Assert.Equal(HttpStatusCode.Forbidden, forB.StatusCode);
        Assert.Equal("application/problem+json", forB.Content.Headers.ContentType?.MediaType);

        HttpResponseMessage accepted = await a.PostAsync("/api/v1/batches", Package(site.UnitA, zip));
        string body = await accepted.Content.ReadAsStringAsync();
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, body);
        using JsonDocument receipt = JsonDocument.Parse(body);
        string url = receipt.RootElement.GetProperty("statusUrl").GetString()!;
        Assert.Equal(2, receipt.RootElement.GetProperty("accepted").GetInt32());

        JsonElement status = default;
        for (int i = 0; i < 600; i++)
        {
            using JsonDocument doc = JsonDocument.Parse(await a.GetStringAsync(url));
            status = doc.RootElement.Clone();
            if (status.GetProperty("complete").GetBoolean())
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.True(status.GetProperty("complete").GetBoolean());
        Assert.Equal(1, status.GetProperty("passed").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());

        using HttpClient b = site.ApiClient(ScenarioSite.KeyB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);

        HttpResponseMessage empty = await a.PostAsync("/api/v1/batches", new MultipartFormDataContent { { new StringContent(site.UnitA), "unit" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Check_and_fix_take_multipart_photos()
    {
        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);
        string good = DevsetPhotos.WithLabel("compliant", 1)[0];
        string bad = DevsetPhotos.WithLabel("background.color", 1)[0];
        var check = new MultipartFormDataContent();
        AddPhoto(check, good);
        AddPhoto(check, bad);
        HttpResponseMessage checkedResponse = await a.PostAsync("/api/v1/photos/check", check);
        using JsonDocument report = JsonDocument.Parse(await checkedResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        Assert.Equal("fail", report.RootElement.GetProperty("photos")[1].GetProperty("verdict").GetString());

        var fix = new MultipartFormDataContent();
        AddPhoto(fix, bad);
        fix.Add(new StringContent("suzhou-sscard"), "profile");
        HttpResponseMessage fixedResponse = await a.PostAsync("/api/v1/photos/fix", fix);
        string fixBody = await fixedResponse.Content.ReadAsStringAsync();
        Assert.True(fixedResponse.StatusCode == HttpStatusCode.OK, fixBody);
        using JsonDocument fixReport = JsonDocument.Parse(fixBody);
        Assert.True(fixReport.RootElement.GetProperty("steps").GetArrayLength() > 0);
        if (fixReport.RootElement.GetProperty("success").GetBoolean())
        {
            byte[] jpeg = Convert.FromBase64String(fixReport.RootElement.GetProperty("jpegBase64").GetString()!);
            Assert.Equal(0xFF, jpeg[0]);
            Assert.Equal(0xD8, jpeg[1]);
            Assert.NotEqual("fail", fixReport.RootElement.GetProperty("recheck").GetProperty("verdict").GetString());
        }

        var asJpeg = new MultipartFormDataContent();
        AddPhoto(asJpeg, bad);
        HttpResponseMessage jpegResponse = await a.PostAsync("/api/v1/photos/fix?format=jpeg", asJpeg);
        Assert.True(
            (jpegResponse.StatusCode == HttpStatusCode.OK && jpegResponse.Content.Headers.ContentType?.MediaType == "image/jpeg")
            || (jpegResponse.StatusCode == HttpStatusCode.UnprocessableEntity && jpegResponse.Content.Headers.ContentType?.MediaType == "application/problem+json"),
            $"{jpegResponse.StatusCode} {jpegResponse.Content.Headers.ContentType}");
    }

    [Fact]
    public async Task Each_key_has_its_own_limit()
    {
        using HttpClient slow = site.ApiClient(ScenarioSite.SlowKey);
        HttpResponseMessage? limited = null;
        for (int i = 0; i < 10 && limited is null; i++)
        {
            HttpResponseMessage response = await slow.GetAsync("/api/v1/photos/profiles");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
        using JsonDocument problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("problem.ratelimited", problem.RootElement.GetProperty("code").GetString());

        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/photos/profiles")).StatusCode);
    }

    private static MultipartFormDataContent Package(string unit, byte[] zip)
    {
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { new StringContent(unit), "unit" }, { part, "package", unit + ".zip" } };
    }

    private static void AddPhoto(MultipartFormDataContent content, string file)
    {
        var part = new ByteArrayContent(DevsetPhotos.Read(file));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "file", file);
    }
}

[Collection(SqliteScenarioCollection.Name)]
public sealed class IntegrationApiSqliteTests(SqliteScenario site) : IntegrationApiTests(site);

[Collection(PostgresScenarioCollection.Name)]
public sealed class IntegrationApiPostgresTests(PostgresScenario site) : IntegrationApiTests(site);
