using System.Net;
using System.Net.Http.Json;
using SocialCard.Web.Features.StatusQuery;

namespace SocialCard.Web.Tests.Wizard;

public sealed class StatusQueryTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<(HttpStatusCode Status, CardStatusAnswer? Answer, string Body)> QueryAsync(HttpClient client, StatusQueryRequest request)
    {
        HttpResponseMessage response = await client.PostAsJsonAsync("/status/query", request);
        string body = await response.Content.ReadAsStringAsync();
        CardStatusAnswer? answer = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<CardStatusAnswer>() : null;
        return (response.StatusCode, answer, body);
    }

    [Fact]
    public async Task Produced_card_answers_the_pickup_date_production_plus_30_days_with_the_notes()
    {
        HttpClient client = await _site.ClientAsync();
        (HttpStatusCode status, CardStatusAnswer? answer, _) = await QueryAsync(client, new(null, ApplicantData.ProducedPersonal, ApplicantData.ProducedId));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer!.Found);
        Assert.Equal("Produced", answer.State);
        Assert.Equal(ApplicantData.ProducedOn, answer.ProducedOn);
        Assert.Equal(ApplicantData.ProducedOn.AddDays(30), answer.PickupFrom);
        // The notes are the centre's (the Chengdu sample: cards go through the employer's HR department).
        Assert.Contains(answer.PickupNotesZh, n => n.Contains("本人有效身份证件", StringComparison.Ordinal));
        Assert.Contains(answer.PickupNotesZh, n => n.Contains("所在单位人力资源部门", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.PickupNotesZh, n => n.Contains("A206-2", StringComparison.Ordinal));

        // by social security number too, lower-case x accepted in the ID number
        (_, CardStatusAnswer? bySsn, _) = await QueryAsync(client, new(ApplicantData.ProducedSsn, null, ApplicantData.ProducedId.ToLowerInvariant()));
        Assert.Equal("Produced", bySsn!.State);
    }

    [Fact]
    public async Task An_application_submitted_in_the_wizard_shows_in_status_and_reaches_the_card_centre_export_after_the_hand_over()
    {
        HttpClient client = await _site.ClientAsync();
        (_, CardStatusAnswer? before, _) = await QueryAsync(client, new(null, ApplicantData.ApplicantPersonal, ApplicantData.ApplicantId));
        Assert.Equal("none", before!.State);

        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        (_, CardStatusAnswer? submitted, _) = await QueryAsync(client, new(null, ApplicantData.ApplicantPersonal, ApplicantData.ApplicantId));
        Assert.Equal("PhotoPassed", submitted!.State);
        Assert.Contains("24小时后移交社保局", submitted.StatusZh, StringComparison.Ordinal);
        Assert.Contains("前可在“查询/修改”页面修改", submitted.ApplicationZh, StringComparison.Ordinal);

        // Inside the 24-hour window the card-centre export leaves it; after the hand-over the next export takes it.
        Assert.Equal(0, await _site.ExportToCardCentreAsync("export-early"));
        _site.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await _site.HandOverDueAsync());
        Assert.Equal(1, await _site.ExportToCardCentreAsync("export-after-handover"));
        (_, CardStatusAnswer? sent, _) = await QueryAsync(client, new(null, ApplicantData.ApplicantPersonal, ApplicantData.ApplicantId));
        Assert.Equal("SentToCardCentre", sent!.State);
        Assert.Contains("已移交社保局", sent.ApplicationZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_card_answers_the_reason_and_what_to_do()
    {
        HttpClient client = await _site.ClientAsync();
        (_, CardStatusAnswer? answer, _) = await QueryAsync(client, new(null, ApplicantData.FailedPersonal, ApplicantData.FailedId));
        Assert.Equal("ProductionFailed", answer!.State);
        Assert.Equal(ApplicantData.FailedReason, answer.Reason);
        Assert.Contains("制卡失败人员照片上传", answer.ActionZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_such_person_and_wrong_id_number_get_the_same_answer()
    {
        HttpClient client = await _site.ClientAsync();
        (HttpStatusCode s1, _, string unknownPerson) = await QueryAsync(client, new(null, "9999999999", ApplicantData.ProducedId));
        (HttpStatusCode s2, _, string wrongId) = await QueryAsync(client, new(null, ApplicantData.ProducedPersonal, ApplicantData.FailedId));
        (HttpStatusCode s3, _, string unknownSsn) = await QueryAsync(client, new("0000000000", null, ApplicantData.ProducedId));
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Equal(s1, s2);
        Assert.Equal(s1, s3);
        Assert.Equal(unknownPerson, wrongId);
        Assert.Equal(unknownPerson, unknownSsn);
        Assert.Contains("\"found\":false", unknownPerson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_answers_the_same_for_no_such_person_and_wrong_id_number()
    {
        var client = new WizardClient(await _site.ClientAsync());
        await client.GetHtmlAsync("/status");
        string a = await (await client.PostAsync("/status", new Dictionary<string, string> { ["NumberType"] = "personal", ["Number"] = "9999999999", ["IdNumber"] = ApplicantData.ProducedId })).Content.ReadAsStringAsync();
        string b = await (await client.PostAsync("/status", new Dictionary<string, string> { ["NumberType"] = "personal", ["Number"] = ApplicantData.ProducedPersonal, ["IdNumber"] = ApplicantData.FailedId })).Content.ReadAsStringAsync();
        Assert.Equal(Answer(a), Answer(b));
        Assert.Contains("data-found=\"false\"", a, StringComparison.Ordinal);
        string good = await (await client.PostAsync("/status", new Dictionary<string, string> { ["NumberType"] = "personal", ["Number"] = ApplicantData.ProducedPersonal, ["IdNumber"] = ApplicantData.ProducedId })).Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"Produced\"", good, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_id_number_and_one_of_the_numbers_are_required()
    {
        HttpClient client = await _site.ClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await QueryAsync(client, new(null, ApplicantData.ProducedPersonal, null))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await QueryAsync(client, new(null, null, ApplicantData.ProducedId))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await QueryAsync(client, new(null, "12345", ApplicantData.ProducedId))).Status);
    }

    private static string Answer(string html)
    {
        int start = html.IndexOf("<section class=\"card sq-answer\"", StringComparison.Ordinal);
        int end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

public sealed class StatusQueryRateLimitTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public StatusQueryRateLimitTests() => _site.Settings["StatusQueryOptions:PermitsPerWindow"] = "3";

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_the_query_answers_429()
    {
        HttpClient client = await _site.ClientAsync();
        var request = new StatusQueryRequest(null, "9999999999", ApplicantData.ProducedId);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/status/query", request)).StatusCode);
        }

        HttpResponseMessage limited = await client.PostAsJsonAsync("/status/query", request);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // The page shares the limit; reading the empty form stays free.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/status")).StatusCode);
    }
}
