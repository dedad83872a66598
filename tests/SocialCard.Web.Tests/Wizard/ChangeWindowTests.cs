using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>The 24-hour rule with an injected clock: change allowed until submitted + 24 h, then read-only and handed over.</summary>
public sealed class ChangeWindowTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>A browser signed in to the change page of the seeded applicant (ID number, then the code sent to the phone).</summary>
    internal static async Task<WizardClient> SignInToChangeAsync(ApplicantSite site)
    {
        var client = new WizardClient(await site.ClientAsync());
        await client.GetHtmlAsync("/apply/change");
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        HttpResponseMessage start = await client.PostAsync("/apply/change", new Dictionary<string, string> { ["IdType"] = "ResidentId", ["CountryCode"] = "CHN", ["IdNumber"] = ApplicantData.ApplicantId }, "start");
        Assert.Contains("验证码已发送", WebUtility.HtmlDecode(await start.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        HttpResponseMessage verified = await client.PostAsync("/apply/change", new Dictionary<string, string> { ["Code"] = await site.LatestCodeAsync(WizardFlow.Mobile) }, "verify");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        return client;
    }

    private static Dictionary<string, string> Change(string household) => new(WizardFlow.Personal())
    {
        ["HouseholdAddress"] = household,
        ["OccupationCode"] = "3",
        ["EducationCode"] = "30",
    };

    [Fact]
    public async Task Changes_are_allowed_until_submitted_plus_24_hours_and_refused_from_then_on()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        Assert.Equal(submitted.SubmittedAt + TimeSpan.FromHours(24), submitted.EditableUntil);

        // 20 minutes before the end of the window (the sign-in itself moves the clock by one minute).
        _site.Clock.Set(submitted.EditableUntil - TimeSpan.FromMinutes(21));
        WizardClient client = await SignInToChangeAsync(_site);
        string page = WebUtility.HtmlDecode(await client.GetHtmlAsync("/apply/change"));
        Assert.Contains("id=\"editable\"", page, StringComparison.Ordinal);
        string saved = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", Change("成都市青羊区新地址1号"), "save")).Content.ReadAsStringAsync());
        Assert.Contains("修改已保存", saved, StringComparison.Ordinal);
        Assert.Contains("成都市青羊区新地址1号", saved, StringComparison.Ordinal);
        string pdf = PdfTools.Text(await client.Http.GetByteArrayAsync("/apply/change/form.pdf"));
        Assert.Contains("成都市青羊区新地址1号", pdf, StringComparison.Ordinal);

        // A validation rule still applies on the change page.
        Dictionary<string, string> badPostal = Change("成都市青羊区新地址2号");
        badPostal["PostalCode"] = "abc";
        await client.RejectedAsync("/apply/change", badPostal, "邮政编码应为6位数字", "save");

        // One second before submitted + 24 h: still allowed.
        _site.Clock.Set(submitted.EditableUntil - TimeSpan.FromSeconds(1));
        string lastSecond = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", Change("成都市青羊区新地址2号"), "save")).Content.ReadAsStringAsync());
        Assert.Contains("修改已保存", lastSecond, StringComparison.Ordinal);

        // At submitted + 24 h: refused, nothing stored, no form any more (before the job has even run).
        _site.Clock.Set(submitted.EditableUntil);
        string locked = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", Change("成都市青羊区新地址3号"), "save")).Content.ReadAsStringAsync());
        Assert.Contains("不能再修改", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("成都市青羊区新地址3号", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"change-form\"", locked, StringComparison.Ordinal);

        // The background job hands it over and locks it, once.
        Assert.Equal(1, await _site.HandOverDueAsync());
        Assert.Equal(0, await _site.HandOverDueAsync());
        WizardClient later = await SignInToChangeAsync(_site);
        string readOnly = WebUtility.HtmlDecode(await later.GetHtmlAsync("/apply/change"));
        Assert.Contains("id=\"locked\"", readOnly, StringComparison.Ordinal);
        Assert.Contains("成都市青羊区新地址2号", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"change-form\"", readOnly, StringComparison.Ordinal);
        ApplicationView? view = await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default);
        Assert.Equal(ApplicationState.HandedOver, view!.State);
    }

    [Fact]
    public async Task A_submitted_application_is_told_to_the_phone_on_file_and_its_owner_can_withdraw_it()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        string notice = (await _site.OutboxAsync(ApplicantData.ApplicantPhone))[0].Text;
        Assert.Contains(submitted.Reference, notice, StringComparison.Ordinal);
        Assert.Contains("撤回", notice, StringComparison.Ordinal);
        Assert.Equal(ApplicantData.ApplicantPhone, submitted.Phone); // the phone on file is unchanged by the wizard

        // 办理查询 sends its code to the phone on file only; with it the owner withdraws the application.
        WizardClient client = await SignInToChangeAsync(_site);
        string page = WebUtility.HtmlDecode(await client.GetHtmlAsync("/apply/change"));
        Assert.Contains("id=\"withdraw\"", page, StringComparison.Ordinal);
        string withdrawn = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", new Dictionary<string, string>(), "withdraw")).Content.ReadAsStringAsync());
        Assert.Contains("申请已撤回", withdrawn, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"change-form\"", withdrawn, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Withdrawn, (await _site.Applications.GetAsync(submitted.Id, default))!.State);

        // It is never handed over, and the person may apply again.
        _site.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, await _site.HandOverDueAsync());
        WizardFlow again = await WizardFlow.StartAsync(_site);
        await again.MobileAsync();
    }

    [Fact]
    public async Task A_change_session_verified_before_a_restart_continues_after_it()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        var cookies = new CookieContainer();
        var client = new WizardClient(_site.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await client.GetHtmlAsync("/apply/change");
        await client.PostAsync("/apply/change", new Dictionary<string, string> { ["IdType"] = "ResidentId", ["CountryCode"] = "CHN", ["IdNumber"] = ApplicantData.ApplicantId }, "start");
        HttpResponseMessage verified = await client.PostAsync("/apply/change", new Dictionary<string, string> { ["Code"] = await _site.LatestCodeAsync(WizardFlow.Mobile) }, "verify");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        // Another process on the same data (a restart, or a second node) knows the session: it is in the database.
        await using var after = new ApplicantSite(_site.DataDirectory) { KeepDataDirectory = true };
        after.Clock.Set(_site.Clock.GetUtcNow());
        var again = new WizardClient(after.CreateDefaultClient(new CookieContainerHandler(cookies)));
        string page = WebUtility.HtmlDecode(await again.GetHtmlAsync("/apply/change"));
        Assert.Contains("id=\"editable\"", page, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.ApplicantName, page, StringComparison.Ordinal);

        // Ending it there ends it everywhere.
        await again.PostAsync("/apply/change", new Dictionary<string, string>(), "end");
        Assert.DoesNotContain("id=\"editable\"", WebUtility.HtmlDecode(await client.GetHtmlAsync("/apply/change")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phone_on_file_changes_only_with_the_code_sent_to_the_new_number()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        WizardClient client = await SignInToChangeAsync(_site);
        const string newPhone = "13512345678";
        _site.Clock.Advance(TimeSpan.FromMinutes(1)); // one code per minute per client address
        string sent = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", new Dictionary<string, string> { ["NewPhone"] = newPhone }, "sendphonecode")).Content.ReadAsStringAsync());
        Assert.Contains("验证码已发送至新手机号码", sent, StringComparison.Ordinal);

        // A wrong code changes nothing; the code sent to the new number does.
        await client.RejectedAsync("/apply/change", new Dictionary<string, string> { ["NewPhone"] = newPhone, ["NewPhoneCode"] = "000000" }, "验证码错误", "savephone");
        Assert.Equal(ApplicantData.ApplicantPhone, (await _site.Applications.GetAsync(submitted.Id, default))!.Phone);
        string saved = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change",
            new Dictionary<string, string> { ["NewPhone"] = newPhone, ["NewPhoneCode"] = await _site.LatestCodeAsync(newPhone) }, "savephone")).Content.ReadAsStringAsync());
        Assert.Contains("手机号码已修改", saved, StringComparison.Ordinal);
        Assert.Equal(newPhone, (await _site.Applications.GetAsync(submitted.Id, default))!.Phone);
    }

    [Fact]
    public async Task Hand_over_does_not_touch_applications_inside_their_window()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        _site.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _site.HandOverDueAsync());
    }

    [Fact]
    public async Task An_id_number_without_an_application_gets_the_same_page_and_no_session()
    {
        var client = new WizardClient(await _site.ClientAsync());
        await client.GetHtmlAsync("/apply/change");
        string page = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", new Dictionary<string, string> { ["IdType"] = "ResidentId", ["CountryCode"] = "CHN", ["IdNumber"] = ApplicantData.UnknownId }, "start")).Content.ReadAsStringAsync());
        Assert.Contains("验证码已发送", page, StringComparison.Ordinal);
        await client.RejectedAsync("/apply/change", new Dictionary<string, string> { ["Code"] = "123456" }, "验证码错误", "verify");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/apply/change/form.pdf")).StatusCode);
    }
}
