using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>Each step's rules, each with a passing and a failing case, through the real host.</summary>
public sealed class WizardStepTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Task<WizardFlow> FlowAsync() => WizardFlow.StartAsync(_site);

    [Fact]
    public async Task Notice_requires_the_box_ticked()
    {
        WizardFlow flow = await FlowAsync();
        await flow.Client.GetHtmlAsync("/apply");
        await flow.Client.RejectedAsync("/apply", new Dictionary<string, string>(), "我已阅读并同意");
        await flow.Client.AdvanceAsync("/apply", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/agreement");
    }

    [Fact]
    public async Task Agreement_requires_the_box_ticked()
    {
        WizardFlow flow = await FlowAsync();
        await flow.Client.GetHtmlAsync("/apply");
        await flow.Client.AdvanceAsync("/apply", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/agreement");
        await flow.Client.RejectedAsync("/apply/agreement", new Dictionary<string, string>(), "请勾选同意");
        await flow.Client.AdvanceAsync("/apply/agreement", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/identity");
    }

    [Fact]
    public async Task Later_steps_redirect_to_the_first_unfinished_one()
    {
        WizardFlow flow = await FlowAsync();
        HttpResponseMessage response = await flow.Client.Http.GetAsync("/apply/personal");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("51010719800101001", "18位")]         // too short
    [InlineData("51010719800101001Y", "最后一位")]     // bad last character
    [InlineData("99010719800101001X", "省级行政区划")]  // unknown province
    [InlineData("51010719801301001X", "出生日期无效")]  // month 13
    public async Task Identity_rejects_invalid_resident_ids(string number, string message)
    {
        WizardFlow flow = await FlowAsync();
        await flow.ConsentsAsync();
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(number), message);
    }

    [Fact]
    public async Task Identity_rejects_a_wrong_check_character_and_accepts_the_right_one()
    {
        WizardFlow flow = await FlowAsync();
        await flow.ConsentsAsync();
        string good = ApplicantData.ApplicantId;
        string bad = good[..17] + (good[17] == '0' ? '1' : '0');
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(bad), "校验位错误");
        await flow.Client.AdvanceAsync("/apply/identity", WizardFlow.Identity(good.ToLowerInvariant()), "/apply/mobile");
        string html = await flow.Client.GetHtmlAsync("/apply/mobile");
        Assert.Contains(ApplicantData.ApplicantSsn, html, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.ApplicantName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_not_in_the_registry_says_to_call_the_hotline()
    {
        WizardFlow flow = await FlowAsync();
        await flow.ConsentsAsync();
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(ApplicantData.UnknownId), "028-86245818");
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(ApplicantData.NoSsnId), "028-86245818");
    }

    [Fact]
    public async Task Identity_resident_id_must_have_country_china_and_passport_must_not()
    {
        WizardFlow flow = await FlowAsync();
        await flow.ConsentsAsync();
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(ApplicantData.ApplicantId, country: "USA"), "中国");
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity("E12345678", "Passport", "CHN"), "居民身份证");
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity("E1-23", "Passport", "USA"), "护照号码");
        // A well-formed passport passes validation and then is looked up (not registered here).
        await flow.Client.RejectedAsync("/apply/identity", WizardFlow.Identity("E12345678", "Passport", "USA"), "028-86245818");
    }

    [Fact]
    public async Task Mobile_rejects_a_bad_number_and_a_wrong_code_and_accepts_the_sent_code()
    {
        WizardFlow flow = await FlowAsync();
        await flow.IdentityAsync(ApplicantData.ApplicantId);
        await flow.Client.RejectedAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = "2380013800" }, "11位", "send");
        await flow.Client.RejectedAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile, ["Code"] = "123456" }, "请先获取验证码");
        HttpResponseMessage sent = await flow.Client.PostAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile }, "send");
        Assert.Contains("验证码已发送", WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        string code = await _site.LatestCodeAsync(WizardFlow.Mobile);
        string wrong = code == "000000" ? "111111" : "000000";
        await flow.Client.RejectedAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile, ["Code"] = wrong }, "还可尝试4次");
        await flow.Client.RejectedAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile }, "发送过于频繁", "send");
        await flow.Client.AdvanceAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile, ["Code"] = code }, "/apply/unit");
    }

    [Fact]
    public async Task Mobile_code_expires_after_five_minutes()
    {
        WizardFlow flow = await FlowAsync();
        await flow.IdentityAsync(ApplicantData.ApplicantId);
        await flow.Client.PostAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = "13900139000" }, "send");
        string code = await _site.LatestCodeAsync("13900139000");
        _site.Clock.Advance(TimeSpan.FromMinutes(5));
        await flow.Client.RejectedAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = "13900139000", ["Code"] = code }, "已过期");
    }

    [Fact]
    public async Task Unit_is_required_must_have_a_bank_and_sub_units_belong_to_it()
    {
        WizardFlow flow = await FlowAsync();
        await flow.MobileAsync();
        string page = await flow.Client.GetHtmlAsync("/apply/unit?q=" + Uri.EscapeDataString("数智"));
        Assert.Contains(ApplicantData.WorkUnitName, page, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.InsuredUnitName, page, StringComparison.Ordinal);
        await flow.Client.RejectedAsync("/apply/unit", new Dictionary<string, string> { ["Nationality"] = "CHN" }, "必填");
        long noBank = await flow.UnitIdAsync(ApplicantData.NoBankUnitName);
        await flow.Client.RejectedAsync("/apply/unit", Unit(noBank), "开户银行");
        long work = await flow.UnitIdAsync(ApplicantData.WorkUnitName);
        await flow.Client.RejectedAsync("/apply/unit", Unit(work, nationality: "USA"), "国籍应为中国");

        // Sub-units: after choosing the unit the second level is offered; the third follows the second.
        string refreshed = await (await flow.Client.PostAsync("/apply/unit", Unit(work), "refresh")).Content.ReadAsStringAsync();
        Assert.Contains(ApplicantData.Level2Name, refreshed, StringComparison.Ordinal);
        Assert.Contains("成都银行", WebUtility.HtmlDecode(refreshed), StringComparison.Ordinal);
        await flow.Client.AdvanceAsync("/apply/unit", Unit(work), "/apply/personal");
    }

    [Fact]
    public async Task Personal_rules_each_fail_and_pass()
    {
        WizardFlow flow = await FlowAsync();
        await flow.UnitAsync();
        DateOnly today = DateOnly.FromDateTime(ApplicantSite.Start.ToOffset(TimeSpan.FromHours(8)).DateTime);
        string fourMonths = today.AddMonths(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string justAfter = today.AddMonths(4).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await flow.Client.RejectedAsync("/apply/personal", With(WizardFlow.Personal(), "IdIssuingAuthority", ""), "证件发证机关");
        await flow.Client.RejectedAsync("/apply/personal", With(WizardFlow.Personal(), "HouseholdAddress", " "), "户口所在地址");
        await flow.Client.RejectedAsync("/apply/personal", With(WizardFlow.Personal(), "ResidentialAddress", ""), "常住地址");
        await flow.Client.RejectedAsync("/apply/personal", WizardFlow.Personal(postal: "61004"), "邮政编码应为6位数字");
        await flow.Client.RejectedAsync("/apply/personal", WizardFlow.Personal(until: fourMonths), "四个月以内");
        await flow.Client.RejectedAsync("/apply/personal", With(WizardFlow.Personal(), "IdValidFrom", "2030-01-01"), "起始日期不能晚于今天");
        await flow.Client.RejectedAsync("/apply/personal", WizardFlow.Personal(until: ""), "长期");
        var longTerm = WizardFlow.Personal(until: "");
        longTerm["IdValidLongTerm"] = "true";
        await flow.Client.AdvanceAsync("/apply/personal", longTerm, "/apply/photo");
        await flow.Client.AdvanceAsync("/apply/personal", WizardFlow.Personal(until: justAfter), "/apply/photo");
    }

    [Fact]
    public async Task Photo_must_be_uploaded_and_pass_unless_the_one_on_file_is_kept()
    {
        WizardFlow flow = await FlowAsync();
        await flow.PersonalAsync();
        await flow.Client.RejectedAsync("/apply/photo", new Dictionary<string, string>(), "请上传本人证件照");
        await flow.Client.RejectedAsync("/apply/photo", new Dictionary<string, string>(), "平台没有您的照片", "keep");

        string failing = Tests.Infrastructure.DevsetPhotos.WithLabel("background.color", 1)[0];
        HttpResponseMessage bad = await flow.Client.PostFilesAsync("/apply/photo", [("Upload", "bad.jpg", Tests.Infrastructure.DevsetPhotos.Read(failing))], "upload");
        string badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("照片不符合要求", badHtml, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"background.color\"", badHtml, StringComparison.Ordinal);
        await flow.Client.RejectedAsync("/apply/photo", new Dictionary<string, string>(), "未通过预审");

        HttpResponseMessage good = await flow.Client.PostFilesAsync("/apply/photo", [("Upload", "me.jpg", WizardFlow.CompliantPhoto())], "upload");
        Assert.Contains("照片符合要求", WebUtility.HtmlDecode(await good.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        HttpResponseMessage preview = await flow.Client.Http.GetAsync("/apply/files/photo");
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType?.MediaType);
        await flow.Client.AdvanceAsync("/apply/photo", new Dictionary<string, string>(), "/apply/idcard");
    }

    [Fact]
    public async Task Photo_taken_on_a_phone_as_heic_is_accepted()
    {
        byte[] heic = HeicSample.FromJpeg(WizardFlow.CompliantPhoto());
        Assert.Equal(SocialCard.Imaging.ImageFormat.Heic, SocialCard.Imaging.ImageFormatSniffer.Detect(heic));

        WizardFlow flow = await FlowAsync();
        await flow.PersonalAsync();
        HttpResponseMessage uploaded = await flow.Client.PostFilesAsync("/apply/photo", [("Upload", "IMG_0001.HEIC", heic)], "upload");
        string html = WebUtility.HtmlDecode(await uploaded.Content.ReadAsStringAsync());
        Assert.Contains("照片符合要求", html, StringComparison.Ordinal);
        HttpResponseMessage stored = await flow.Client.Http.GetAsync("/apply/files/photo");
        Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType); // kept as JPEG for the card and the PDF
        await flow.Client.AdvanceAsync("/apply/photo", new Dictionary<string, string>(), "/apply/idcard");
    }

    [Fact]
    public async Task Photo_on_file_can_be_kept()
    {
        WizardFlow flow = await FlowAsync();
        await flow.PersonalAsync(ApplicantData.PhotoPersonId);
        string html = await flow.Client.GetHtmlAsync("/apply/photo");
        Assert.Contains("keep-photo", html, StringComparison.Ordinal);
        HttpResponseMessage onFile = await flow.Client.Http.GetAsync("/apply/files/photo-on-file");
        Assert.Equal(HttpStatusCode.OK, onFile.StatusCode);
        HttpResponseMessage kept = await flow.Client.PostAsync("/apply/photo", new Dictionary<string, string>(), "keep");
        Assert.Equal("/apply/idcard", kept.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Id_card_images_are_checked()
    {
        WizardFlow flow = await FlowAsync();
        await flow.PhotoAsync();
        await flow.Client.RejectedAsync("/apply/idcard", new Dictionary<string, string>(), "请上传身份证正面图片");
        HttpResponseMessage skewed = await flow.Client.PostFilesAsync("/apply/idcard",
            [("Front", "f.jpg", SyntheticIdCard.Jpeg()), ("Back", "b.jpg", SyntheticIdCard.Jpeg(angleDegrees: 12, cardScale: 0.9))]);
        string html = WebUtility.HtmlDecode(await skewed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, skewed.StatusCode);
        Assert.Contains("歪斜", html, StringComparison.Ordinal);
        Assert.Contains("front-preview", html, StringComparison.Ordinal); // the good front was kept
        HttpResponseMessage back = await flow.Client.PostFilesAsync("/apply/idcard", [("Back", "b.jpg", SyntheticIdCard.Jpeg())]);
        Assert.Equal("/apply/occupation", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Occupation_and_education_must_come_from_the_code_tables()
    {
        WizardFlow flow = await FlowAsync();
        await flow.IdCardAsync();
        await flow.Client.RejectedAsync("/apply/occupation", new Dictionary<string, string> { ["OccupationCode"] = "9", ["EducationCode"] = "20" }, "职业代码");
        await flow.Client.RejectedAsync("/apply/occupation", new Dictionary<string, string> { ["OccupationCode"] = "2", ["EducationCode"] = "25" }, "学历代码");
        await flow.Client.AdvanceAsync("/apply/occupation", new Dictionary<string, string> { ["OccupationCode"] = "7", ["EducationCode"] = "20" }, "/apply/summary");
    }

    [Fact]
    public async Task Submit_creates_the_application_and_the_pdf_has_name_id_and_bank()
    {
        WizardFlow flow = await FlowAsync();
        await flow.SubmitAsync();
        string done = WebUtility.HtmlDecode(await flow.Client.GetHtmlAsync("/apply/done"));
        Assert.Matches("CD[0-9]{8}", done);
        HttpResponseMessage pdf = await flow.Client.Http.GetAsync("/apply/form.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        string text = PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(ApplicantData.ApplicantName, text, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.ApplicantId, text, StringComparison.Ordinal);
        Assert.Contains("● 成都银行", text, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.BankBranch, text, StringComparison.Ordinal);
        Assert.Matches(ApplicantData.InsuredUnitCode + @"\s+" + ApplicantData.InsuredUnitName, text); // 参保单位
        Assert.Contains(ApplicantData.WorkUnitName, text, StringComparison.Ordinal);                                         // 部门

        // The person's insured unit is still the one the registry had (a second application shows it again).
        Assert.Equal(ApplicantData.InsuredUnitCode, (await _site.Services.GetRequiredService<IApplicantRegistry>()
            .FindPersonAsync(SocialCard.Platform.Domain.IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!.InsuredUnit!.Code);

        // Back button after submit: the wizard pages lead to the done page, nothing is submitted twice.
        HttpResponseMessage back = await flow.Client.Http.GetAsync("/apply/summary");
        Assert.Equal("/apply/done", back.Headers.Location?.OriginalString);

        // Another browser gets nothing.
        HttpClient stranger = _site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/apply/form.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_second_application_inside_the_24_hours_is_sent_to_the_change_page()
    {
        WizardFlow first = await FlowAsync();
        await first.SubmitAsync();
        WizardFlow again = await FlowAsync();
        await again.ConsentsAsync();
        string html = await again.Client.RejectedAsync("/apply/identity", WizardFlow.Identity(ApplicantData.ApplicantId), "请通过“办理查询”页面修改");
        Assert.Contains("href=\"/apply/change\"", html, StringComparison.Ordinal);

        // Someone else is not affected.
        await again.Client.AdvanceAsync("/apply/identity", WizardFlow.Identity(ApplicantData.SecondApplicantId), "/apply/mobile");
    }

    [Fact]
    public async Task A_refresh_or_back_keeps_what_was_entered()
    {
        WizardFlow flow = await FlowAsync();
        await flow.PersonalAsync();
        string personal = WebUtility.HtmlDecode(await flow.Client.GetHtmlAsync("/apply/personal"));
        Assert.Contains("成都市武侯区洗面桥横街12号", personal, StringComparison.Ordinal);
        Assert.Contains("value=\"610041\"", personal, StringComparison.Ordinal);
        string identity = await flow.Client.GetHtmlAsync("/apply/identity");
        Assert.Contains(ApplicantData.ApplicantId, identity, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Unit(long id, string nationality = "CHN") =>
        new() { ["WorkUnitId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Nationality"] = nationality };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }
}
