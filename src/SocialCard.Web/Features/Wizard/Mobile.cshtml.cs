using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 4: proof of control of the phone on file. The code was sent to the number registered for the ID number
/// (shown masked, 139****5678); the visitor cannot choose another number. Only a verified code unlocks the person's
/// name, social security number and photo on file; a visitor without that phone (none on file, a changed number) is
/// sent to the counter. A person who already has an application inside its change window is sent, after the code, to
/// 办理查询.
/// </summary>
public sealed class MobileModel(IWizardDraftStore drafts, TimeProvider clock, SmsCodeService sms, ApplicationViews applications)
    : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Mobile;

    [BindProperty]
    public string? Code { get; set; }

    public string? Notice { get; private set; }

    /// <summary>Set when the verified person already has an application inside its change window.</summary>
    public ApplicationView? OpenApplication { get; private set; }

    /// <summary>The number the code went to, masked: 139****5678.</summary>
    public string MaskedPhone => SocialCard.Platform.Security.PersonalDataMask.Phone(Draft.Mobile);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        SmsSendResult result = await SendCodeAsync(sms, Draft, HttpContext, cancellationToken).ConfigureAwait(false);
        (string zh, string en) = result.Message;
        if (result.IsSent)
        {
            Notice = Say(zh, en);
        }
        else
        {
            AddError(nameof(Code), zh, en);
            if (result.RetryAfter is { } retry)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Draft.HasProvenIdentity && string.IsNullOrWhiteSpace(Code))
        {
            return await ContinueAsync(cancellationToken).ConfigureAwait(false); // already verified earlier (back button)
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            AddError(nameof(Code), "请输入短信验证码。", "Enter the code from the SMS.");
            return Page();
        }

        SmsVerifyResult result = await sms.VerifyAsync(Draft.Mobile, Code, cancellationToken).ConfigureAwait(false);
        if (!result.IsVerified || !Draft.HasPhoneOnFile)
        {
            // A stand-in number's code is never delivered: whatever is entered there is a wrong code.
            (string zh, string en) = result.IsVerified ? new SmsVerifyResult(SmsVerifyStatus.WrongCode, 0).Message : result.Message;
            AddError(nameof(Code), zh, en);
            return Page();
        }

        Draft.VerifiedMobile = Draft.Mobile;
        Draft.VerifiedPersonId = Draft.Person!.PersonId;
        Save();
        return await ContinueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>With the phone on file proven, an earlier draft of the person (begun on another device, or under a lost
    /// cookie) is continued here: the wizard goes on at its first open step.</summary>
    private async Task<IActionResult?> ResumeEarlierDraftAsync(CancellationToken cancellationToken)
    {
        if (await Drafts.ResumeAsync(Draft, cancellationToken).ConfigureAwait(false) is not { } resumed)
        {
            return null;
        }

        ReplaceDraft(resumed);
        TempData["Flash"] = Say("已找到您之前未完成的申请，请从这里继续填写。", "Your earlier unfinished application has been found; continue from here.");
        return Redirect(WizardSteps.Get(resumed.FirstOpenStep()).Path);
    }

    /// <summary>Sends a code to the draft's number: the phone on file, or the stand-in (recorded, never delivered).</summary>
    public static Task<SmsSendResult> SendCodeAsync(SmsCodeService sms, WizardDraft draft, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        ArgumentNullException.ThrowIfNull(draft);
        return sms.SendCodeAsync(draft.Mobile, ClientKey(context), draft.HasPhoneOnFile, cancellationToken);
    }

    /// <summary>The client address the per-client SMS limits count against.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private async Task<IActionResult> ContinueAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindLatestAsync(Draft.IdType, Draft.CountryCode, Draft.IdNumber!, cancellationToken).ConfigureAwait(false)
            is { State: ApplicationState.Submitted } open)
        {
            OpenApplication = open;
            AddError(nameof(Code), $"该证件号码已于 {ChinaTime.ToChina(open.SubmittedAt):yyyy-MM-dd HH:mm} 提交申请（{open.Reference}），请通过“办理查询”页面修改，无需重复提交。",
                $"An application ({open.Reference}) was already submitted for this ID number; change it on the \"View or change\" page instead of applying again.");
            return Page();
        }

        Draft.Done.Add(Step);
        return await ResumeEarlierDraftAsync(cancellationToken).ConfigureAwait(false) ?? Complete();
    }
}
