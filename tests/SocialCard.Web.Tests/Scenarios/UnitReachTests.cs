using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// A unit's reach ends at its own people (the unit and its sub-units): an upload (zip, loose photo), a resubmit or an
/// API batch naming another unit's person is refused for that entry exactly as an unknown number is, links no photo
/// to that person, moves no card and shows neither the person's name nor their unit.
/// </summary>
public abstract partial class UnitReachTests(ScenarioSite site)
{
    private const string Unmatched = "人员编号在制卡数据库中不存在";

    [Fact]
    public async Task A_portal_package_naming_another_units_person_is_refused_for_that_entry_and_links_nothing()
    {
        string own = (await site.PeopleOfAsync(site.UnitAId, 1))[0];
        string other = (await site.PeopleOfAsync(site.UnitBId, 1))[0];
        const string Unknown = "0999999999";
        string[] good = [.. DevsetPhotos.WithLabel("compliant", 3)];
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, [own, other, Unknown], good);
        HttpClient a = await site.ClientAsync(Role.UnitA);
        long batch = await PortalClient.UploadAndGetBatchAsync(a, zip);
        await PortalClient.WaitForReviewAsync(a, batch);

        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(own));
        Assert.Null(await site.CardStateAsync(other));
        Assert.Null(await LinkedPersonAsync(batch, other));
        Assert.NotNull(await LinkedPersonAsync(batch, own));

        string html = WebUtility.HtmlDecode(await a.GetStringAsync($"/portal/batches/{batch}"));
        string otherRow = Row(html, other);
        string unknownRow = Row(html, Unknown);
        Assert.Contains("data-verdict=\"Failed\"", otherRow, StringComparison.Ordinal);
        Assert.Contains(Unmatched, otherRow, StringComparison.Ordinal);
        Assert.Equal(Neutral(unknownRow, Unknown), Neutral(otherRow, other));
        (string name, string unitCode) = await PersonAsync(other);
        Assert.DoesNotContain($"<td>{PersonalDataMask.Name(name)}</td>", otherRow, StringComparison.Ordinal);
        Assert.DoesNotContain(unitCode, html, StringComparison.Ordinal);

        // The other unit does not get the intruder's photo as its person's photo.
        HttpClient b = await site.ClientAsync(Role.UnitB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/portal/photos/{PhotoId(otherRow)}/image")).StatusCode);
    }

    [Fact]
    public async Task A_loose_photo_or_resubmit_for_another_units_person_moves_no_card()
    {
        string other = (await site.PeopleOfAsync(site.UnitBId, 1))[0];
        HttpClient a = await site.ClientAsync(Role.UnitA);
        byte[] good = DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 3)[0], other);

        string token = FormPost.Token(await a.GetStringAsync("/portal"));
        var loose = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        loose.Add(Jpeg(good), "photos", other + ".jpg");
        HttpResponseMessage uploaded = await a.PostAsync("/portal?handler=Upload", loose);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        long batch = long.Parse(uploaded.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await PortalClient.WaitForReviewAsync(a, batch);
        Assert.Null(await LinkedPersonAsync(batch, other));

        token = FormPost.Token(await a.GetStringAsync("/portal/failures"));
        var resubmit = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(other), "number" },
            { Jpeg(good), "photo", "new.jpg" },
        };
        HttpResponseMessage refused = await a.PostAsync("/portal/failures?handler=Resubmit", resubmit);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await site.CardStateAsync(other));
    }

    [Fact]
    public async Task An_api_key_scoped_to_one_unit_cannot_write_another_units_person()
    {
        string own = (await site.PeopleOfAsync(site.UnitAId, 1))[0];
        string other = (await site.PeopleOfAsync(site.UnitBId, 1))[0];
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitA, [own, other], [.. DevsetPhotos.WithLabel("compliant", 2)]);
        using HttpClient a = site.ApiClient(ScenarioSite.KeyA);
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        HttpResponseMessage accepted = await a.PostAsync("/api/v1/batches",
            new MultipartFormDataContent { { new StringContent(site.UnitA), "unit" }, { part, "package", "a.zip" } });
        string body = await accepted.Content.ReadAsStringAsync();
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, body);
        using JsonDocument receipt = JsonDocument.Parse(body);
        long batch = receipt.RootElement.GetProperty("batchId").GetInt64();

        JsonElement status = default;
        for (bool complete = false; !complete;)
        {
            using JsonDocument doc = JsonDocument.Parse(await a.GetStringAsync($"/api/v1/batches/{batch}"));
            status = doc.RootElement.Clone();
            complete = status.GetProperty("complete").GetBoolean();
            if (!complete)
            {
                await Task.Delay(50);
            }
        }

        JsonElement entry = status.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("personalNumber").GetString() == other);
        Assert.Equal("fail", entry.GetProperty("verdict").GetString());
        Assert.Equal(Unmatched, entry.GetProperty("reasons")[0].GetProperty("zh").GetString());
        Assert.Matches("[A-Za-z]", entry.GetProperty("reasons")[0].GetProperty("en").GetString()!);
        (_, string unitCode) = await PersonAsync(other);
        Assert.DoesNotContain(unitCode, status.GetRawText(), StringComparison.Ordinal);
        Assert.Null(await LinkedPersonAsync(batch, other));
        Assert.Null(await site.CardStateAsync(other));
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(own));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/cards/{other}")).StatusCode);
    }

    private async Task<long?> LinkedPersonAsync(long batchId, string number)
    {
        await using PlatformDbContext db = site.Database.CreateDbContext();
        return await db.Photos.Where(p => p.BatchId == batchId && p.EntryName!.EndsWith("/" + number + ".jpg")).Select(p => p.PersonId).SingleAsync();
    }

    private async Task<(string Name, string UnitCode)> PersonAsync(string number)
    {
        await using PlatformDbContext db = site.Database.CreateDbContext();
        var row = await (from p in db.People join u in db.Units on p.UnitId equals u.Id where p.PersonalNumber == number select new { p.Name, u.Code }).SingleAsync();
        return (row.Name, row.Code);
    }

    private static string Row(string html, string number) =>
        EntryRow().Matches(html).Select(m => m.Value).Single(r => r.Contains($"<td>{number}</td>", StringComparison.Ordinal));

    /// <summary>The row with its number and photo id blanked, to compare two rows' answers.</summary>
    private static string Neutral(string row, string number) =>
        PhotoLink().Replace(row.Replace(number, "N", StringComparison.Ordinal), "/portal/photos/P/image");

    private static string PhotoId(string row) => PhotoLink().Match(row).Groups[1].Value;

    private static ByteArrayContent Jpeg(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return part;
    }

    [GeneratedRegex("<tr class=\"entry\"[\\s\\S]*?</tr>")]
    private static partial Regex EntryRow();

    [GeneratedRegex("/portal/photos/(\\d+)/image")]
    private static partial Regex PhotoLink();
}

[Collection(SqliteScenarioCollection.Name)]
public sealed class UnitReachSqliteTests(SqliteScenario site) : UnitReachTests(site);

[Collection(PostgresScenarioCollection.Name)]
public sealed class UnitReachPostgresTests(PostgresScenario site) : UnitReachTests(site);
