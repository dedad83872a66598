using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// The centre console end to end over HTTP, on SQLite and PostgreSQL: audited override, export to the card centre and
/// import of its results (the unit then sees the pick-up date), people search with masked IDs, statistics with a
/// chart, registry import and the audit log viewer, each with its role check.
/// </summary>
public abstract partial class ConsoleFlowTests(ScenarioSite site)
{
    [Fact]
    public async Task Reviewer_override_moves_the_card_and_is_audited_with_the_reason()
    {
        (string number, long photo) = (await UploadNewPeopleAsync(["exposure.under"]))[0];
        Assert.Equal(CardState.PhotoFailed, await site.CardStateAsync(number));

        HttpClient clerk = await site.ClientAsync(Role.Clerk);
        HttpResponseMessage refused = await PostOverrideAsync(clerk, photo, accept: true, "看过了");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || (refused.Headers.Location is { } at && (at.IsAbsoluteUri ? at.PathAndQuery : at.OriginalString).StartsWith("/error/403?", StringComparison.Ordinal)), $"clerk: {refused.StatusCode}");
        Assert.Equal(CardState.PhotoFailed, await site.CardStateAsync(number));

        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostOverrideAsync(reviewer, photo, accept: true, "")).StatusCode);

        string queue = await reviewer.GetStringAsync($"/console/queue?filter=failed&unit={site.UnitA}");
        Assert.Contains($"value=\"{photo}\"", queue, StringComparison.Ordinal);

        const string reason = "人工复核：光线可接受";
        HttpResponseMessage done = await PostOverrideAsync(reviewer, photo, accept: true, reason);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // Confirmed by the person (number and masked name) and the outcome in words, not by an internal photo id.
        string confirmed = Regex.Match(await done.Content.ReadAsStringAsync(), "id=\"queue-message\"[^>]*>([^<]*)<").Groups[1].Value;
        Assert.StartsWith($"已复核：{number}（", confirmed, StringComparison.Ordinal);
        Assert.Contains("改判为合格", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain($"{photo} →", confirmed, StringComparison.Ordinal);
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(number));

        HttpClient auditor = await site.ClientAsync(Role.Auditor);
        string audit = await auditor.GetStringAsync("/console/audit?action=photo.override&actor=staff:reviewer");
        Assert.Contains(reason, audit, StringComparison.Ordinal);
        Assert.Contains(photo.ToString(CultureInfo.InvariantCulture), audit, StringComparison.Ordinal);
        // The log speaks Chinese: the verb, the actor and the change, not the stored codes.
        Assert.Contains("人工复核改判", audit, StringComparison.Ordinal);
        Assert.Contains("中心工作人员 reviewer", audit, StringComparison.Ordinal);
        Assert.Contains("不合格 → 合格", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>photo.override</td>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed-&gt;Passed", audit, StringComparison.Ordinal);
        string cardAudit = await auditor.GetStringAsync("/console/audit?action=card.state&actor=staff:reviewer");
        Assert.Contains("制卡状态变更", cardAudit, StringComparison.Ordinal);
        Assert.Contains("预审不合格 → 预审合格", cardAudit, StringComparison.Ordinal);
        Assert.DoesNotContain("PhotoFailed-&gt;PhotoPassed", cardAudit, StringComparison.Ordinal);
        string other = await auditor.GetStringAsync("/console/audit?action=no.such.action");
        Assert.DoesNotContain(reason, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_named_by_no_person_in_the_database_cannot_be_passed()
    {
        // A registered person's photo and a photo under a number nobody has.
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, 1);
        string stranger = "09" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        string[] files = [DevsetPhotos.WithLabel("exposure.under", 3)[0], DevsetPhotos.WithLabel("exposure.under", 3)[1]];
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, [numbers[0], stranger], files);
        HttpClient unit = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(unit, zip);
        await PortalClient.WaitForReviewAsync(unit, batch);
        long photo;
        await using (PlatformDbContext db = site.Database.CreateDbContext())
        {
            photo = await db.Photos.Where(p => p.BatchId == batch && p.PersonId == null).Select(p => p.Id).SingleAsync();
        }

        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        string queue = await reviewer.GetStringAsync($"/console/queue?filter=failed&unit={site.UnitA}");
        string row = Regex.Match(queue, $"<tr data-photo=\"{photo}\"(?s:.*?)</tr>").Value;
        Assert.Contains("unknown-person", row, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"accept\"", row, StringComparison.Ordinal);

        HttpResponseMessage refused = await PostOverrideAsync(reviewer, photo, accept: true, "照片没问题");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"不能改判合格：照片文件名 {stranger}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        string after = await reviewer.GetStringAsync($"/console/queue?filter=passed&unit={site.UnitA}");
        Assert.DoesNotContain($"data-photo=\"{photo}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_drops_a_failed_photo_once_the_unit_sent_a_newer_one_for_the_person()
    {
        (string number, long first) = (await UploadNewPeopleAsync(["exposure.under"]))[0];
        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        Assert.Contains($"data-photo=\"{first}\"", await reviewer.GetStringAsync($"/console/queue?filter=failed&unit={site.UnitA}"), StringComparison.Ordinal);

        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, [number], [DevsetPhotos.WithLabel("compliant", 1)[0]]);
        HttpClient unit = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(unit, zip);
        await PortalClient.WaitForReviewAsync(unit, batch);
        long second = (await site.PhotoIdsAsync(batch))[number];

        Assert.DoesNotContain($"data-photo=\"{first}\"", await reviewer.GetStringAsync($"/console/queue?filter=failed&unit={site.UnitA}"), StringComparison.Ordinal);
        Assert.Contains($"data-photo=\"{second}\"", await reviewer.GetStringAsync($"/console/queue?filter=passed&unit={site.UnitA}"), StringComparison.Ordinal);
        Assert.Contains($"data-photo=\"{first}\"", await reviewer.GetStringAsync($"/console/queue?filter=all&unit={site.UnitA}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_download_and_result_import_give_the_unit_its_pickup_date()
    {
        IReadOnlyList<(string Number, long Photo)> people = await UploadNewPeopleAsync(["compliant", "compliant"]);
        (string produced, _) = people[0];
        (string failed, _) = people[1];
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(produced));

        HttpClient clerk = await site.ClientAsync(Role.Clerk);
        HttpResponseMessage refused = await FormPost.PostAsync(clerk, TokenPage, new Dictionary<string, string>(), "/console/exchange?handler=Export");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(produced));

        HttpClient op = await site.ClientAsync(Role.Operator);
        HttpResponseMessage exported = await FormPost.PostAsync(op, TokenPage, new Dictionary<string, string>(), "/console/exchange?handler=Export");
        string page = await exported.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Match name = ExportLink().Match(page);
        Assert.True(name.Success, "the exchange page links the new package");
        Assert.Equal(CardState.SentToCardCentre, await site.CardStateAsync(produced));
        Assert.Equal(CardState.SentToCardCentre, await site.CardStateAsync(failed));

        HttpResponseMessage download = await op.GetAsync($"/console/exports/{name.Groups[1].Value}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync())))
        {
            Assert.Contains(zip.Entries, e => e.FullName.Contains(produced, StringComparison.Ordinal));
        }

        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        HttpResponseMessage denied = await reviewer.GetAsync($"/console/exports/{name.Groups[1].Value}");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        var productionDate = new DateOnly(2026, 11, 2);
        string csv = "number,status,production_date,reason\n" +
                     $"{produced},produced,{productionDate:yyyy-MM-dd},\n" +
                     $"{failed},failed,,芯片写入失败\n" +
                     "0000000000,produced,not-a-date,\n";
        HttpResponseMessage imported = await PostImportAsync(op, csv);
        string report = await imported.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("已导入 2 行，拒绝 1 行", report, StringComparison.Ordinal);
        Assert.Equal(CardState.Produced, await site.CardStateAsync(produced));
        Assert.Equal(CardState.ProductionFailed, await site.CardStateAsync(failed));

        HttpClient unit = await site.ClientAsync(Role.UnitA);
        string peoplePage = await unit.GetStringAsync("/portal/people?q=" + produced);
        string pickup = productionDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(pickup, peoplePage, StringComparison.Ordinal);
        Assert.Contains("园区星海生活广场南区负二层A206-2号", peoplePage, StringComparison.Ordinal);
        Assert.Contains("介绍信（盖章）", peoplePage, StringComparison.Ordinal);

        // The list covers the sub-units too (many demo people there): look the person up.
        string cardFailures = await unit.GetStringAsync("/portal/card-failures?q=" + failed);
        Assert.Contains(failed, cardFailures, StringComparison.Ordinal);
        Assert.Contains("芯片写入失败", cardFailures, StringComparison.Ordinal);
        Assert.Contains(failed, await unit.GetStringAsync("/portal/card-failures.csv"), StringComparison.Ordinal);

        using HttpClient api = site.ApiClient(ScenarioSite.KeyA);
        using JsonDocument card = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/cards/{produced}"));
        Assert.Equal(pickup, card.RootElement.GetProperty("readyForPickupOn").GetString());
        Assert.Contains(card.RootElement.GetProperty("pickupNotes").EnumerateArray(), n => n.GetString()!.Contains("A206-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_by_a_reviewer_is_refused_and_a_bad_file_is_reported_by_line()
    {
        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        HttpResponseMessage refused = await PostImportAsync(reviewer, "number,status,production_date,reason\n");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        HttpClient op = await site.ClientAsync(Role.Operator);
        HttpResponseMessage bad = await PostImportAsync(op, "number,status,production_date,reason\n0100000001,exploded,,\n");
        string html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("#2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_search_by_unit_and_by_id_number_shows_masked_ids_only()
    {
        IReadOnlyList<(string Number, long Photo)> people = await UploadNewPeopleAsync(["compliant"]);
        string number = people[0].Number;
        string idNumber = site.IdNumbers[number];
        HttpClient clerk = await site.ClientAsync(Role.Clerk);

        // Other tests add people to the same unit, so the new person may be on a later page of the list.
        string list = "";
        for (int page = 1; page <= 20 && !list.Contains(number, StringComparison.Ordinal); page++)
        {
            list = await clerk.GetStringAsync($"/console/people?unit={site.UnitA}&p={page}");
        }

        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, list, StringComparison.Ordinal);
        Assert.Contains(idNumber[..3], list, StringComparison.Ordinal); // masked form keeps a prefix

        HttpResponseMessage found = await FormPost.PostAsync(clerk, "/console/people", new Dictionary<string, string> { ["idNumber"] = idNumber }, "/console/people?handler=ById");
        string html = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, html, StringComparison.Ordinal);
        Assert.Contains("*", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_list_pages_through_the_unit()
    {
        await site.PeopleOfAsync(site.UnitAId, 35);
        HttpClient clerk = await site.ClientAsync(Role.Clerk);
        string[] first = Numbers(await clerk.GetStringAsync($"/console/people?unit={site.UnitA}&p=1"));
        string page2 = await clerk.GetStringAsync($"/console/people?unit={site.UnitA}&p=2");
        string[] second = Numbers(page2);
        Assert.Equal(30, first.Length);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
        Assert.Contains("p=1", page2, StringComparison.Ordinal); // link back to the first page

        static string[] Numbers(string html) => [.. Regex.Matches(html, "<tr><td>(\\d{10})</td>").Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public async Task Statistics_page_draws_the_per_day_and_per_unit_charts()
    {
        HttpClient clerk = await site.ClientAsync(Role.Clerk);
        string html = await clerk.GetStringAsync("/console");
        Assert.Contains("<svg class=\"chart\" id=\"chart-day\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\" id=\"chart-unit\"", html, StringComparison.Ordinal);
        Assert.Contains(site.UnitA, html, StringComparison.Ordinal);
        Assert.Matches("<rect[^>]+height=\"[1-9]", html);
    }

    [Fact]
    public async Task Registry_import_adds_people_for_operators_and_is_refused_to_others()
    {
        string first17 = "320506" + "19900214" + "57" + (Interlocked.Increment(ref s_registrySeq) % 10).ToString(CultureInfo.InvariantCulture);
        string id = first17 + SocialCard.Platform.Domain.Validation.ResidentIdNumber.ComputeCheckChar(first17);
        string personal = "08" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        string csv = "证件类型,证件号码,国家或地区,个人编号,姓名,性别,出生日期,单位编号\n" +
                     $"居民身份证,{id},CHN,{personal},周文静,{((first17[16] - '0') % 2 == 1 ? "男" : "女")},1990-02-14,{site.UnitA}\n" +
                     $"居民身份证,12345,CHN,0812345678,坏数据,男,1990-02-14,{site.UnitA}\n";

        HttpClient reviewer = await site.ClientAsync(Role.Reviewer);
        Assert.NotEqual(HttpStatusCode.OK, (await PostRegistryAsync(reviewer, csv)).StatusCode);

        HttpClient op = await site.ClientAsync(Role.Operator);
        HttpResponseMessage response = await PostRegistryAsync(op, csv);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Match summary = Regex.Match(html, "读取 \\d+ 行，新增 \\d+，更新 \\d+，拒绝 \\d+。(?s:.{0,800})");
        Assert.True(summary.Success && summary.Value.StartsWith("读取 2 行，新增 1，更新 0，拒绝 1", StringComparison.Ordinal), summary.Success ? summary.Value : html[^3000..]);
        Assert.Contains("#3", html, StringComparison.Ordinal);

        HttpResponseMessage found = await FormPost.PostAsync(op, "/console/people", new Dictionary<string, string> { ["idNumber"] = id }, "/console/people?handler=ById");
        string person = await found.Content.ReadAsStringAsync();
        Assert.Contains(personal, person, StringComparison.Ordinal);
        Assert.Contains(site.UnitA, person, StringComparison.Ordinal);
    }

    private static int s_registrySeq;

    /// <summary>Antiforgery tokens belong to the session, not the page: the people search form is on every staff member's page.</summary>
    private const string TokenPage = "/console/people";

    [GeneratedRegex("/console/exports/(export-[0-9-]+)")]
    private static partial Regex ExportLink();

    /// <summary>Registers new people in unit A and uploads one devset photo per label for them; waits for the verdicts.</summary>
    private async Task<IReadOnlyList<(string Number, long Photo)>> UploadNewPeopleAsync(string[] labels)
    {
        IReadOnlyList<string> numbers = await site.PeopleOfAsync(site.UnitAId, labels.Length);
        // The first three photos of a label are the ones the portal tests show the engine judging as labelled.
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] ordered = new string[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int n = used[labels[i]] = used.GetValueOrDefault(labels[i]) + 1;
            ordered[i] = DevsetPhotos.WithLabel(labels[i], 3)[(n - 1) % 3];
        }

        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, numbers, ordered);
        HttpClient unit = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(unit, zip);
        await PortalClient.WaitForReviewAsync(unit, batch);
        IReadOnlyDictionary<string, long> ids = await site.PhotoIdsAsync(batch);
        return [.. numbers.Select(n => (n, ids[n]))];
    }

    private static async Task<HttpResponseMessage> PostOverrideAsync(HttpClient client, long photo, bool accept, string reason)
    {
        string html = await client.GetStringAsync(TokenPage);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormPost.Token(html),
            ["photoId"] = photo.ToString(CultureInfo.InvariantCulture),
            ["accept"] = accept ? "true" : "false",
            ["reason"] = reason,
        });
        return await client.PostAsync("/console/queue?handler=Override", form);
    }

    private static Task<HttpResponseMessage> PostImportAsync(HttpClient client, string csv) =>
        PostFileAsync(client, "/console/exchange?handler=Import", "results", "results.csv", csv, new Dictionary<string, string>());

    private static Task<HttpResponseMessage> PostRegistryAsync(HttpClient client, string csv) =>
        PostFileAsync(client, "/console/registry", "file", "people.csv", csv, new Dictionary<string, string> { ["kind"] = "people" });

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string field, string fileName, string text, IDictionary<string, string> fields)
    {
        string html = await client.GetStringAsync(TokenPage);
        var content = new MultipartFormDataContent { { new StringContent(FormPost.Token(html)), "__RequestVerificationToken" } };
        foreach ((string key, string value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, field, fileName);
        return await client.PostAsync(url, content);
    }
}

[Collection(SqliteScenarioCollection.Name)]
public sealed class ConsoleFlowSqliteTests(SqliteScenario site) : ConsoleFlowTests(site);

[Collection(PostgresScenarioCollection.Name)]
public sealed class ConsoleFlowPostgresTests(PostgresScenario site) : ConsoleFlowTests(site);
