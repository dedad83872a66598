using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform;
using SocialCard.Platform.Changes;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// 办理查询 / 查询修改 (seed 004): ID number, then an SMS code to the phone registered with the application; then the
/// application is shown and, until submitted + 24 h, can be changed; afterwards it is read-only as handed over. An ID
/// number without an application gets the same "code sent" page, so the page does not reveal who applied.
/// </summary>
[EnableRateLimiting(ApplicantLookupRateLimit.PolicyName)]
public sealed class ChangeModel(ChangeSessionService sessions, ApplicationViews applications, SocialCard.Platform.ApplicationService changes,
    SmsCodeService sms, IWizardPhotoService photos, IApplicantRegistry registry, IOptions<CentreOptions> centre, TimeProvider clock)
    : PageModel
{
    /// <summary>The cookie holding the change session's token (the session itself is the Platform's).</summary>
    public const string CookieName = ".SocialCard.Change";

    [BindProperty]
    public IdType IdType { get; set; } = IdType.ResidentId;

    [BindProperty]
    public string CountryCode { get; set; } = Countries.China;

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? IdIssuingAuthority { get; set; }

    [BindProperty]
    public DateOnly? IdValidFrom { get; set; }

    [BindProperty]
    public DateOnly? IdValidUntil { get; set; }

    [BindProperty]
    public bool IdValidLongTerm { get; set; }

    [BindProperty]
    public string? HouseholdAddress { get; set; }

    [BindProperty]
    public string? ResidentialAddress { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? OccupationCode { get; set; }

    [BindProperty]
    public string? EducationCode { get; set; }

    /// <summary>The new mobile number (修改手机号码): a code goes to it, and only that code changes the phone on file.</summary>
    [BindProperty]
    public string? NewPhone { get; set; }

    [BindProperty]
    public string? NewPhoneCode { get; set; }

    public bool NewPhoneCodeSent { get; private set; }

    /// <summary>修改现今工作单位: the search text, and the choices as in the wizard's unit step (it decides the bank).</summary>
    [BindProperty]
    public string? UnitQuery { get; set; }

    [BindProperty]
    public long? WorkUnitId { get; set; }

    [BindProperty]
    public long? WorkUnitLevel2Id { get; set; }

    [BindProperty]
    public long? WorkUnitLevel3Id { get; set; }

    /// <summary>The work-unit choices and the bank they resolve to.</summary>
    public WorkUnitPicker Units { get; } = new();

    /// <summary>The work-unit form's found units, sub-unit lists and bank, as the wizard's unit step shows them.</summary>
    public WorkUnitChoicesView UnitChoices => new(Units, "new-bank", ShowEmptyNote: false);

    public ChangeSession? Session { get; private set; }

    /// <summary>The pre-review of a new photo that did not pass (its reasons are shown).</summary>
    public PhotoPreReview? PhotoReview { get; private set; }

    public ApplicationView? Application { get; private set; }

    public string? Notice { get; private set; }

    public bool Editable => Application is not null && Application.IsEditable(clock.GetUtcNow());

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        string number = (IdNumber ?? string.Empty).Trim().ToUpperInvariant();
        ValidationError? error = IdType == IdType.ResidentId
            ? ResidentIdNumber.Validate(number, ChinaTime.Today(clock), out _, nameof(IdNumber))
            : InputRules.Passport(number, CountryCode, nameof(IdNumber));
        if (error is not null)
        {
            ModelState.AddModelError(nameof(IdNumber), WizardPageModel.Say(error.Zh, error.En));
            return Page();
        }

        string country = IdType == IdType.ResidentId ? Countries.China : CountryCode.Trim().ToUpperInvariant();
        ApplicationView? view = await applications.FindLatestAsync(IdType, country, number, cancellationToken).ConfigureAwait(false);
        string token = await sessions.StartAsync(view?.Id, cancellationToken).ConfigureAwait(false);
        Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Path = "/apply/change",
        });
        Session = await sessions.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (view?.Phone is { } phone)
        {
            SmsSendResult sent = await sms.SendCodeAsync(phone, MobileModel.ClientKey(HttpContext), cancellationToken).ConfigureAwait(false);
            if (!sent.IsSent && sent.Status != SmsSendStatus.TooSoon)
            {
                (string zh, string en) = sent.Message;
                ModelState.AddModelError(nameof(Code), WizardPageModel.Say(zh, en));
                return Page();
            }
        }

        Notice = WizardPageModel.Say("如该证件号码有已提交的申请，验证码已发送至申请时登记的手机号码，5分钟内有效。",
            "If this ID number has a submitted application, a code has been sent to the mobile number given in it (valid 5 minutes).");
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        string? token = Request.Cookies[CookieName];
        ChangeSession? session = await sessions.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Redirect("/apply/change");
        }

        Session = session;
        string? phone = session.ApplicationId is { } id ? (await applications.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Phone : null;
        SmsVerifyResult result = phone is null
            ? new SmsVerifyResult(SmsVerifyStatus.WrongCode, 0)
            : await sms.VerifyAsync(phone, Code, cancellationToken).ConfigureAwait(false);
        if (!result.IsVerified || session.ApplicationId is null)
        {
            (string zh, string en) = result.Status == SmsVerifyStatus.WrongCode && phone is null
                ? ("验证码错误。", "Wrong code.")
                : result.Message;
            ModelState.AddModelError(nameof(Code), WizardPageModel.Say(zh, en));
            return Page();
        }

        await sessions.MarkVerifiedAsync(token!, cancellationToken).ConfigureAwait(false);
        return Redirect("/apply/change");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: false, editable: true, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        DateOnly today = ChinaTime.Today(clock);
        foreach (ValidationError error in PersonalModel.Validate(IdIssuingAuthority, IdValidFrom, IdValidUntil, IdValidLongTerm,
                     HouseholdAddress, ResidentialAddress, PostalCode, today))
        {
            ModelState.AddModelError(error.Field, WizardPageModel.Say(error.Zh, error.En));
        }

        foreach (ValidationError? error in new[] { InputRules.Occupation(OccupationCode, nameof(OccupationCode)), InputRules.Education(EducationCode, nameof(EducationCode)) })
        {
            if (error is not null)
            {
                ModelState.AddModelError(error.Field, WizardPageModel.Say(error.Zh, error.En));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = new ApplicationForm
        {
            IdIssuingAuthority = IdIssuingAuthority,
            IdValidFrom = IdValidFrom,
            IdValidUntil = IdValidUntil,
            IdValidLongTerm = IdValidLongTerm,
            HouseholdAddress = HouseholdAddress,
            ResidentialAddress = ResidentialAddress,
            PostalCode = PostalCode,
            OccupationCode = OccupationCode,
            EducationCode = EducationCode,
        };
        bool saved = await changes.ChangeAsync(application.Id, change, Actor, cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            AddWindowClosedError();
            await LoadAsync(fill: false, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);
        Notice = WizardPageModel.Say("修改已保存。", "Your changes have been saved.");
        return Page();
    }

    /// <summary>修改手机号码, step 1: the applicant (already proven by the code to the old phone) names the new number and
    /// a code is sent there.</summary>
    public async Task<IActionResult> OnPostSendPhoneCodeAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: true, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        if (InputRules.MobilePhone(NewPhone, nameof(NewPhone)) is { } invalid)
        {
            AddError(invalid);
            return Page();
        }

        SmsSendResult sent = await sms.SendCodeAsync(NewPhone!.Trim(), MobileModel.ClientKey(HttpContext), cancellationToken).ConfigureAwait(false);
        (string zh, string en) = sent.Message;
        if (!sent.IsSent)
        {
            ModelState.AddModelError(nameof(NewPhoneCode), WizardPageModel.Say(zh, en));
            return Page();
        }

        NewPhoneCodeSent = true;
        Notice = WizardPageModel.Say("验证码已发送至新手机号码，5分钟内有效。", "A code has been sent to the new mobile number (valid 5 minutes).");
        return Page();
    }

    /// <summary>修改手机号码, step 2: the code sent to the new number changes the phone on file (audited).</summary>
    public async Task<IActionResult> OnPostSavePhoneAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: false, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        string phone = (NewPhone ?? string.Empty).Trim();
        SmsVerifyResult verified = await sms.VerifyAsync(phone, NewPhoneCode, cancellationToken).ConfigureAwait(false);
        if (!verified.IsVerified)
        {
            NewPhoneCodeSent = true;
            (string zh, string en) = verified.Message;
            ModelState.AddModelError(nameof(NewPhoneCode), WizardPageModel.Say(zh, en));
            return Page();
        }

        ServiceResult<bool> changed = await changes.ChangePhoneAsync(application.Id, phone, Actor, cancellationToken).ConfigureAwait(false);
        foreach (ValidationError error in changed.Errors)
        {
            AddError(error);
        }

        if (!changed.Succeeded)
        {
            return Page();
        }

        await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);
        NewPhone = null;
        Notice = WizardPageModel.Say("手机号码已修改。", "The mobile number has been changed.");
        return Page();
    }

    /// <summary>更换照片: a new photo inside the 24-hour window, checked as the wizard's photo step checks it (the same
    /// upload limits, the same pre-review); only a passing photo replaces the application's photo (audited).</summary>
    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: true, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        WizardPhotoUpload upload = await WizardPhotoUpload.ReadAsync(Request.Form.Files.GetFiles("Photo").FirstOrDefault(f => f.Length > 0), cancellationToken)
            .ConfigureAwait(false);
        if (upload.Bytes is not { } bytes)
        {
            ModelState.AddModelError("Photo", WizardPageModel.Say(upload.ErrorZh!, upload.ErrorEn!));
            return Page();
        }

        PhotoPreReview review = photos.Review(bytes);
        if (!review.Passed)
        {
            PhotoReview = review;
            ModelState.AddModelError("Photo", WizardPageModel.Say("新照片未通过预审，照片未更换。请按下列原因重新拍摄上传。",
                "The new photo did not pass the pre-review and the photo was not changed; take and upload another (reasons below)."));
            return Page();
        }

        ServiceResult<bool> changed = await changes.ChangePhotoAsync(application.Id,
            new ApplicantPhoto(PhotoModel.AsJpeg(bytes), null, WizardDraft.ReviewJson(review), review.NeedsReview), Actor, cancellationToken).ConfigureAwait(false);
        foreach (ValidationError error in changed.Errors)
        {
            AddError(error);
        }

        if (!changed.Succeeded)
        {
            return Page();
        }

        await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);
        Notice = WizardPageModel.Say("照片已更换。", "The photo has been changed.");
        return Page();
    }

    /// <summary>修改现今工作单位, searching and showing sub-units: keeps the choices, changes nothing.</summary>
    public async Task<IActionResult> OnPostFindUnitAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: true, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        await LoadUnitsAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>修改现今工作单位: the deepest unit chosen becomes the work unit and decides the bank, checked and audited by
    /// the Platform as the wizard's submit is (no bank up its tree: refused, nothing changes).</summary>
    public async Task<IActionResult> OnPostWorkUnitAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: true, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        UnitChoice? deepest = await LoadUnitsAsync(cancellationToken).ConfigureAwait(false);
        if (deepest is null)
        {
            ModelState.AddModelError(nameof(WorkUnitId), WizardPageModel.Say("请查找并选择现今工作单位（必填）。", "Search for and choose your current work unit (required)."));
            return Page();
        }

        ServiceResult<bool> changed = await changes.ChangeWorkUnitAsync(application.Id, deepest.Id, Actor, cancellationToken).ConfigureAwait(false);
        foreach (ValidationError error in changed.Errors)
        {
            ModelState.AddModelError(nameof(WorkUnitId), WizardPageModel.Say(error.Zh, error.En));
        }

        if (!changed.Succeeded)
        {
            return Page();
        }

        await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);
        (UnitQuery, WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id) = (null, null, null, null);
        Units.Clear();
        Notice = WizardPageModel.Say("现今工作单位已修改，开户银行随之更新。", "The current work unit has been changed; the bank follows it.");
        return Page();
    }

    /// <summary>撤回申请: the owner, proven by the code sent to the phone on file, takes back an application inside its
    /// 24-hour window (one they did not make, or no longer want); it is then never handed over.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(fill: true, editable: false, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return Answer!;
        }

        if (!await changes.WithdrawAsync(application.Id, Actor, cancellationToken).ConfigureAwait(false))
        {
            ModelState.AddModelError(string.Empty, WizardPageModel.Say("提交已超过24小时，信息已移交社保局，不能再撤回。",
                "More than 24 hours have passed since submission; the data has been handed over and can no longer be withdrawn."));
            return Page();
        }

        await LoadAsync(fill: true, cancellationToken).ConfigureAwait(false);
        Notice = WizardPageModel.Say("申请已撤回，不会移交社保局。", "The application has been withdrawn; it will not be handed over.");
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        if (Request.Cookies[CookieName] is { Length: > 0 } token)
        {
            await sessions.EndAsync(token, cancellationToken).ConfigureAwait(false);
        }

        Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/apply/change" });
        return Redirect("/apply/change");
    }

    /// <summary>The opening every change handler shares: the verified session's application, loaded (the form fields filled
    /// from it when <paramref name="fill"/>); null when there is none, or when <paramref name="editable"/> and its 24-hour
    /// window has closed, with <see cref="Answer"/> to return at once.</summary>
    private async Task<ApplicationView?> OpenAsync(bool fill, bool editable, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(fill, cancellationToken).ConfigureAwait(false);
        if (Application is null)
        {
            Answer = Redirect("/apply/change");
            return null;
        }

        if (editable && !Editable)
        {
            AddWindowClosedError();
            Answer = Page();
            return null;
        }

        return Application;
    }

    /// <summary>What a handler answers when <see cref="OpenAsync"/> found nothing to change.</summary>
    private IActionResult? Answer { get; set; }

    /// <summary>The posted work-unit choices, sanitised and listed; the deepest valid one.</summary>
    private async Task<UnitChoice?> LoadUnitsAsync(CancellationToken cancellationToken)
    {
        (Units.TopId, Units.Level2Id, Units.Level3Id) = (WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id);
        UnitChoice? deepest = await Units.SanitiseAsync(registry, cancellationToken).ConfigureAwait(false);
        (WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id) = (Units.TopId, Units.Level2Id, Units.Level3Id);
        await Units.LoadAsync(registry, centre.Value, UnitQuery, cancellationToken).ConfigureAwait(false);
        return deepest;
    }

    private void AddWindowClosedError() => ModelState.AddModelError(string.Empty, WizardPageModel.Say("提交已超过24小时，信息已移交社保局，不能再修改。",
        "More than 24 hours have passed since submission; the data has been handed over and can no longer be changed."));

    private void AddError(ValidationError error) => ModelState.AddModelError(error.Field, WizardPageModel.Say(error.Zh, error.En));

    /// <summary>Who changes: the applicant proven by the code sent to the phone on file.</summary>
    private string Actor => SocialCard.Platform.ApplicationService.ApplicantActor + ":change";

    public string EditableUntilText =>
        Application is null ? string.Empty : ChinaTime.ToChina(Application.EditableUntil).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Session = await sessions.FindAsync(Request.Cookies[CookieName], cancellationToken).ConfigureAwait(false);
        if (Session is not { IsVerified: true, ApplicationId: { } id })
        {
            return;
        }

        Application = await applications.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (fill && Application is { } a)
        {
            IdIssuingAuthority = a.IdIssuingAuthority;
            IdValidFrom = a.IdValidFrom;
            IdValidUntil = a.IdValidUntil;
            IdValidLongTerm = a.IdValidLongTerm;
            HouseholdAddress = a.HouseholdAddress;
            ResidentialAddress = a.ResidentialAddress;
            PostalCode = a.PostalCode;
            OccupationCode = a.OccupationCode;
            EducationCode = a.EducationCode;
        }
    }
}
