using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The counter desk on the site started as <c>./run.sh</c> starts it (a separate process on its demo data):
/// a clerk finds a demo person of a unit, records a scanned paper photo with both forms and downloads the receipt.</summary>
public sealed partial class CounterSiteProcessTests
{
    [GeneratedRegex(@"units \(单位代码\):\s+([^,\s]+)")]
    private static partial Regex FirstUnit();

    [GeneratedRegex(@"<tr><td>(\d{10})</td>")]
    private static partial Regex FirstPerson();

    [Fact]
    public async Task Clerk_records_a_paper_photo_on_the_site_started_as_run_sh_does()
    {
        await using var site = new SiteProcess();
        await site.StartAsync();
        Match unit = FirstUnit().Match(site.Output);
        Assert.True(unit.Success, site.Output);
        using HttpClient client = site.CreateClient();
        await FormPost.SignInStaffAsync(client, "clerk", DemoSite.Password);

        string unitCode = unit.Groups[1].Value;
        Match person = FirstPerson().Match(await client.GetStringAsync($"/console/people?unit={unitCode}"));
        Assert.True(person.Success, "the demo unit lists its people");
        string number = person.Groups[1].Value;
        string found = await client.GetStringAsync($"/console/counter?unit={unitCode}&q={number}");
        Assert.Contains($"counter-open-{number}", found, StringComparison.Ordinal);

        string pageUrl = $"/console/counter/person?unit={unitCode}&number={number}";
        string page = await client.GetStringAsync(pageUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormPost.Token(page)), "__RequestVerificationToken" },
            { new StringContent("true"), "ApplicationForm" },
            { new StringContent("true"), "CollectionForm" },
        };
        var photo = new ByteArrayContent(DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 1)[0], number));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "photo", "scan.jpg");
        HttpResponseMessage posted = await client.PostAsync(pageUrl, form);
        string result = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"{(int)posted.StatusCode}\n{site.Output}");
        Assert.Contains("id=\"counter-verdict\"", result, StringComparison.Ordinal);
        Assert.Contains("data-submission=", result, StringComparison.Ordinal);

        HttpResponseMessage receipt = await client.GetAsync($"/console/counter?handler=receipt&unit={unitCode}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await receipt.Content.ReadAsByteArrayAsync())[..4]);
    }
}
