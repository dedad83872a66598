using System.Net;
using SocialCard.Platform.Domain;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

/// <summary>Employer portal on the demo data: upload, verdicts, isolation between units, lists and downloads.</summary>
public sealed class PortalTests(PortalTests.Site site) : IClassFixture<PortalTests.Site>
{
    public sealed class Site : DemoSite, IAsyncLifetime
    {
        public string UnitA { get; private set; } = "";

        public string UnitB { get; private set; } = "";

        public long BatchOfA { get; private set; }

        public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

        public TimeSpan ReviewTime { get; private set; }

        public async Task InitializeAsync()
        {
            _ = Server; // start
            IReadOnlyList<(string Code, long Id)> units = await UnitsAsync();
            (UnitA, long idA) = units[0];
            UnitB = units[1].Code;
            IReadOnlyList<string> numbers = await PeopleOfAsync(idA, 6);
            string[] files = [.. DevsetPhotos.WithLabel("compliant", 3), .. DevsetPhotos.WithLabel("background.color", 2), .. DevsetPhotos.WithLabel("exposure.under", 1)];
            (byte[] zip, IReadOnlyDictionary<string, string> labels) = BuildPackage(UnitA, numbers, files);
            Labels = labels;
            using HttpClient client = CreateBrowserLikeClient();
            await FormPost.SignInUnitAsync(client, UnitA, Password);
            BatchOfA = await PortalClient.UploadAndGetBatchAsync(client, zip);
            ReviewTime = await PortalClient.WaitForReviewAsync(client, BatchOfA);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Batch_page_shows_each_photo_with_thumbnail_verdict_and_Chinese_reasons()
    {
        using HttpClient client = await SignedInAsync(site.UnitA);
        string html = await client.GetStringAsync($"/portal/batches/{site.BatchOfA}");
        foreach (string number in site.Labels.Keys)
        {
            Assert.Contains(number, html, StringComparison.Ordinal);
        }

        Assert.Contains("class=\"thumb\"", html, StringComparison.Ordinal);
        Assert.Contains("不合格", html, StringComparison.Ordinal);
        Assert.Matches("<ul class=\"reasons\">\\s*<li>[^<]*\\p{IsCJKUnifiedIdeographs}", html);
        Assert.DoesNotContain("batch-pending", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photos_with_a_defect_fail_and_compliant_photos_pass()
    {
        foreach ((string number, string label) in site.Labels)
        {
            CardState? state = await site.CardStateAsync(number);
            if (label == "compliant")
            {
                Assert.True(state == CardState.PhotoPassed, $"{number} ({label}) is {state}");
            }
            else
            {
                Assert.True(state == CardState.PhotoFailed, $"{number} ({label}) is {state}");
            }
        }
    }

    [Fact]
    public async Task Thumbnail_is_served_to_its_unit_only()
    {
        using HttpClient a = await SignedInAsync(site.UnitA);
        string html = await a.GetStringAsync($"/portal/batches/{site.BatchOfA}");
        string src = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/portal/photos/\\d+/image)\"").Groups[1].Value;
        HttpResponseMessage own = await a.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);

        using HttpClient b = await SignedInAsync(site.UnitB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(src)).StatusCode);
    }

    [Theory]
    [InlineData("/portal/batches/{0}")]
    [InlineData("/portal/batches/{0}/status")]
    [InlineData("/portal/failures.csv?batch={0}")]
    public async Task Another_unit_cannot_read_the_batch(string pattern)
    {
        using HttpClient b = await SignedInAsync(site.UnitB);
        string url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, site.BatchOfA);
        HttpResponseMessage response = await b.GetAsync(url);
        if (url.EndsWith(".csv?batch=" + site.BatchOfA, StringComparison.Ordinal))
        {
            // The list is filtered by the signed-in unit: B gets its own (empty) list, never A's rows.
            string csv = await response.Content.ReadAsStringAsync();
            foreach (string number in site.Labels.Keys)
            {
                Assert.DoesNotContain(number, csv, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Failure_list_page_and_downloads_list_the_failed_people()
    {
        using HttpClient a = await SignedInAsync(site.UnitA);
        string[] failed = [.. site.Labels.Where(l => l.Value != "compliant").Select(l => l.Key)];
        string html = await a.GetStringAsync("/portal/failures");
        string csv = await a.GetStringAsync("/portal/failures.csv");
        HttpResponseMessage xlsx = await a.GetAsync("/portal/failures.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        byte[] bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // zip container
        foreach (string number in failed)
        {
            Assert.Contains(number, html, StringComparison.Ordinal);
            Assert.Contains(number, csv, StringComparison.Ordinal);
        }

        foreach (string passed in site.Labels.Where(l => l.Value == "compliant").Select(l => l.Key))
        {
            Assert.DoesNotContain(passed, csv, StringComparison.Ordinal);
        }

        // Search narrows the list.
        string one = await a.GetStringAsync("/portal/failures?q=" + failed[0]);
        Assert.Contains(failed[0], one, StringComparison.Ordinal);
        Assert.DoesNotContain(failed[1], one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_page_shows_card_states_and_the_pickup_notes()
    {
        using HttpClient a = await SignedInAsync(site.UnitA);
        string html = await a.GetStringAsync("/portal/people?q=" + site.Labels.Keys.First());
        Assert.Contains("介绍信（盖章）", html, StringComparison.Ordinal);
        Assert.Contains("经办人有效身份证件原件及复印件", html, StringComparison.Ordinal);
        Assert.Contains("园区星海生活广场南区负二层A206-2号", html, StringComparison.Ordinal);
        Assert.Contains(site.Labels.Keys.First(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_failure_list_renders_and_downloads()
    {
        using HttpClient a = await SignedInAsync(site.UnitA);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/portal/card-failures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/portal/card-failures.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/portal/card-failures.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Resubmitting_a_compliant_photo_takes_the_person_off_the_failure_list()
    {
        string number = site.Labels.Last(l => l.Value != "compliant").Key;
        using HttpClient a = await SignedInAsync(site.UnitA);
        string token = FormPost.Token(await a.GetStringAsync("/portal/failures"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(number), "number" },
        };
        var photo = new ByteArrayContent(DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 5)[4], number));
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(photo, "photo", "anything.jpg");
        HttpResponseMessage response = await a.PostAsync("/portal/failures?handler=Resubmit", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        long batch = long.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await PortalClient.WaitForReviewAsync(a, batch);
        Assert.Equal(CardState.PhotoPassed, await site.CardStateAsync(number));
        Assert.DoesNotContain(number, await a.GetStringAsync("/portal/failures.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resubmitting_for_another_units_person_is_refused()
    {
        string number = site.Labels.Keys.First();
        using HttpClient b = await SignedInAsync(site.UnitB);
        string token = FormPost.Token(await b.GetStringAsync("/portal/failures"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(number), "number" },
            { new ByteArrayContent(DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0])), "photo", "x.jpg" },
        };
        HttpResponseMessage response = await b.PostAsync("/portal/failures?handler=Resubmit", content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_package_for_another_unit_folder_is_refused_with_a_Chinese_message()
    {
        IReadOnlyList<(string Code, long Id)> units = await site.UnitsAsync();
        (byte[] zip, _) = DemoSite.BuildPackage(site.UnitB, ["0100000001"], DevsetPhotos.WithLabel("compliant", 1));
        using HttpClient a = await SignedInAsync(site.UnitA);
        HttpResponseMessage response = await PortalClient.UploadZipAsync(a, zip);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"refusals\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(units);
    }

    [Fact]
    public async Task A_photo_on_file_for_another_units_person_is_refused_without_naming_them()
    {
        string onFile = site.Labels.Keys.First(); // unit A's person whose compliant photo is on file
        byte[] theirs = DevsetPhotos.ReadAs(DevsetPhotos.WithLabel("compliant", 1)[0], onFile);
        IReadOnlyList<(string Code, long Id)> units = await site.UnitsAsync();
        string mine = (await site.PeopleOfAsync(units.Single(u => u.Code == site.UnitB).Id, 1))[0];
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream s = archive.CreateEntry($"{site.UnitB}/{mine}.jpg").Open();
            s.Write(theirs);
        }

        using HttpClient b = await SignedInAsync(site.UnitB);
        HttpResponseMessage response = await PortalClient.UploadZipAsync(b, buffer.ToArray());
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"refusals\"", html, StringComparison.Ordinal);
        Assert.Contains("已作为其他人的照片提交过", html, StringComparison.Ordinal);
        Assert.DoesNotContain(onFile, html, StringComparison.Ordinal);
        Assert.DoesNotContain(site.UnitA, html, StringComparison.Ordinal);
        Assert.Null(await site.CardStateAsync(mine));
    }

    [Fact]
    public async Task Upload_without_an_antiforgery_token_is_refused()
    {
        using HttpClient a = await SignedInAsync(site.UnitA);
        var content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "package", "x.zip" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsync("/portal?handler=Upload", content)).StatusCode);
    }

    [Fact]
    public void Pre_review_of_a_six_photo_package_completes_quickly()
    {
        Assert.True(site.ReviewTime < TimeSpan.FromSeconds(10), $"review took {site.ReviewTime}");
    }

    private async Task<HttpClient> SignedInAsync(string unit)
    {
        HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, unit, DemoSite.Password);
        return client;
    }
}
