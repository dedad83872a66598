using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SocialCard.Platform.Domain;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// The employer portal's actions on SQLite and PostgreSQL: a wait after repeated wrong passwords, the verdicts with
/// thumbnails and Chinese reasons, one-click fix (before/after, accept), re-submit, failure list search and downloads.
/// </summary>
public abstract partial class PortalFlowTests(ScenarioSite site)
{
    [Fact]
    public async Task Repeated_wrong_passwords_hold_the_next_attempt_back_with_a_wait_not_a_lock()
    {
        string unitC = (await site.UnitsAsync())[2].Code;
        using HttpClient client = site.CreateBrowserLikeClient();
        for (int i = 0; i < 4; i++)
        {
            HttpResponseMessage wrong = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unitC, ["Password"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        HttpResponseMessage held = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unitC, ["Password"] = DemoSite.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.True(held.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 1 }, held.Headers.RetryAfter?.ToString());
        string html = await held.Content.ReadAsStringAsync();
        Assert.Contains("登录失败次数过多", html, StringComparison.Ordinal);
        Assert.DoesNotContain("锁定", html, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? cookies) ? cookies : [], c => c.StartsWith(".SocialCard.Unit=", StringComparison.Ordinal));

        // An unknown unit code gets the same answers in the same order.
        using HttpClient other = site.CreateBrowserLikeClient();
        var unknown = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            unknown.Add((await FormPost.PostAsync(other, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = "9" + unitC, ["Password"] = "wrong-" + i })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], unknown);

        // The wait is a second, not a quarter of an hour: after it the right password works.
        HttpResponseMessage signedIn = held;
        for (int waits = 0; signedIn.StatusCode == HttpStatusCode.TooManyRequests; waits++)
        {
            Assert.True(waits < 3, "the right password is still held after three waits");
            site.SignInClock.Advance(signedIn.Headers.RetryAfter!.Delta!.Value);
            signedIn = await FormPost.PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unitC, ["Password"] = DemoSite.Password });
        }

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Batch_page_shows_thumbnails_verdicts_and_Chinese_reasons()
    {
        HttpClient a = await site.ClientAsync(Role.UnitA);
        string html = await a.GetStringAsync($"/portal/batches/{site.BatchOfA}");
        Assert.Equal(site.Labels.Count, Regex.Count(html, "<img class=\"thumb\""));
        Assert.Matches("<ul class=\"reasons\">\\s*<li>[^<]*\\p{IsCJKUnifiedIdeographs}", html);
        Assert.Contains("id=\"batch-complete\"", html, StringComparison.Ordinal);
        int failedRows = Regex.Count(html, "data-verdict=\"Failed\"");
        Assert.Equal(site.Labels.Count(l => l.Value != "compliant"), failedRows);
    }

    [Fact]
    public async Task One_click_fix_shows_before_and_after_and_accepting_resubmits_the_fixed_photo()
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 3);
        string[] files = [.. DevsetPhotos.WithLabel("background.color", 3)];
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, numbers, files);
        HttpClient a = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(a, zip);
        await PortalClient.WaitForReviewAsync(a, batch);
        IReadOnlyDictionary<string, long> photos = await site.PhotoIdsAsync(batch);

        string? accepted = null;
        foreach (string number in numbers)
        {
            string page = await a.GetStringAsync($"/portal/fix/{photos[number]}");
            Assert.Contains($"/portal/photos/{photos[number]}/image", page, StringComparison.Ordinal); // before
            if (!page.Contains("id=\"fix-accept\"", StringComparison.Ordinal))
            {
                // A refusal (or a failure beyond the fix, which is not run) shows why, and no picture made by the fix.
                Assert.True(page.Contains("id=\"fix-refused\"", StringComparison.Ordinal) || page.Contains("id=\"fix-not-offered\"", StringComparison.Ordinal));
                Assert.DoesNotContain("data:image/jpeg", page, StringComparison.Ordinal);
                continue;
            }

            Assert.Contains("id=\"fixed-preview\" src=\"data:image/jpeg;base64,", page, StringComparison.Ordinal); // after
            Assert.Contains("id=\"fix-reject\"", page, StringComparison.Ordinal);
            HttpResponseMessage post = await FormPost.PostAsync(a, $"/portal/fix/{photos[number]}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            long newBatch = long.Parse(post.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
            await PortalClient.WaitForReviewAsync(a, newBatch);
            accepted = number;
            break;
        }

        Assert.True(accepted is not null, "one of three coloured-background photos can be fixed");
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(accepted!));
        Assert.DoesNotContain(accepted!, await a.GetStringAsync("/portal/failures.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fix_is_offered_only_where_every_failure_is_one_it_can_repair()
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 3);
        string[] files = [DevsetPhotos.GreyWall, DevsetPhotos.WithLabel("color.grayscale", 1)[0], DevsetPhotos.WithLabel("expression.neutral", 1)[0]];
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, numbers, files);
        HttpClient a = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(a, zip);
        await PortalClient.WaitForReviewAsync(a, batch);
        IReadOnlyDictionary<string, long> photos = await site.PhotoIdsAsync(batch);
        string html = await a.GetStringAsync($"/portal/batches/{batch}");
        Assert.Equal(3, Regex.Count(html, "data-verdict=\"Failed\""));

        // A grey wall instead of white: the fix can repair it, so the row offers it.
        Assert.Contains($"href=\"/portal/fix/{photos[numbers[0]]}\"", html, StringComparison.Ordinal);

        // Black-and-white, a smile with teeth: no fix button, and the fix page (opened by its address) runs no fix
        // and shows no picture made by it, only what cannot be repaired.
        foreach (string number in numbers.Skip(1))
        {
            Assert.DoesNotContain($"/portal/fix/{photos[number]}\"", html, StringComparison.Ordinal);
            string page = await a.GetStringAsync($"/portal/fix/{photos[number]}");
            Assert.Contains("id=\"fix-not-offered\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data:image/jpeg", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"fix-accept\"", page, StringComparison.Ordinal);
            HttpResponseMessage post = await FormPost.PostAsync(a, "/portal/failures", new Dictionary<string, string>(), $"/portal/fix/{photos[number]}");
            Assert.Equal(HttpStatusCode.OK, post.StatusCode); // the page again: nothing was submitted
        }
    }

    [Fact]
    public async Task Resubmitting_a_good_photo_takes_the_person_off_the_failure_list_and_search_finds_people()
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 2);
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, numbers, [.. DevsetPhotos.WithLabel("exposure.under", 2)]);
        HttpClient a = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(a, zip);
        await PortalClient.WaitForReviewAsync(a, batch);

        string search = await a.GetStringAsync("/portal/failures?q=" + numbers[0]);
        Assert.Contains(numbers[0], search, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{numbers[1]}</td>", search, StringComparison.Ordinal);

        string token = FormPost.Token(await a.GetStringAsync("/portal/failures"));
        var photo = new ByteArrayContent(DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 3)[1], numbers[0]));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(numbers[0]), "number" },
            { photo, "photo", "new.jpg" },
        };
        HttpResponseMessage response = await a.PostAsync("/portal/failures?handler=Resubmit", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        long again = long.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await PortalClient.WaitForReviewAsync(a, again);
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(numbers[0]));
        string csv = await a.GetStringAsync("/portal/failures.csv");
        Assert.DoesNotContain(numbers[0], csv, StringComparison.Ordinal);
        Assert.Contains(numbers[1], csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loose_photos_can_be_uploaded_without_a_zip()
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 2);
        HttpClient a = await site.ClientAsync(Role.UnitA);
        string token = FormPost.Token(await a.GetStringAsync("/portal"));
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        for (int i = 0; i < 2; i++)
        {
            var part = new ByteArrayContent(DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 3)[i], numbers[i]));
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "photos", numbers[i] + ".jpg");
        }

        HttpResponseMessage response = await a.PostAsync("/portal?handler=Upload", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        long batch = long.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await PortalClient.WaitForReviewAsync(a, batch);
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(numbers[0]));
    }
}

[Collection(SqliteScenarioCollection.Name)]
public sealed class PortalFlowSqliteTests(SqliteScenario site) : PortalFlowTests(site);

[Collection(PostgresScenarioCollection.Name)]
public sealed class PortalFlowPostgresTests(PostgresScenario site) : PortalFlowTests(site);
