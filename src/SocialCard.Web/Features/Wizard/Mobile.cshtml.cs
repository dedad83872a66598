using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 4: the name is shown; mobile number plus SMS code (获取验证码).</summary>
public sealed class MobileModel(IWizardDraftStore drafts, TimeProvider clock, SmsCodeService sms) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Mobile;

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Notice { get; private set; }

    public void OnGet() => Mobile = Draft.Mobile;

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (InputRules.MobilePhone(Mobile, nameof(Mobile)) is { } error)
        {
            AddError(error);
            return Page();
        }

        Draft.Mobile = Mobile!.Trim();
        if (!string.Equals(Draft.VerifiedMobile, Draft.Mobile, StringComparison.Ordinal))
        {
            Draft.Done.Remove(Step);
        }

        Save();
        SmsSendResult result = await sms.SendCodeAsync(Draft.Mobile, ClientKey(HttpContext), cancellationToken).ConfigureAwait(false);
        (string zh, string en) = result.Message;
        if (result.IsSent)
        {
            Notice = Say(zh, en);
        }
        else
        {
            AddError(nameof(Mobile), zh, en);
            if (result.RetryAfter is { } retry)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (InputRules.MobilePhone(Mobile, nameof(Mobile)) is { } error)
        {
            AddError(error);
            return Page();
        }

        string number = Mobile!.Trim();
        Draft.Mobile = number;
        if (string.Equals(Draft.VerifiedMobile, number, StringComparison.Ordinal) && string.IsNullOrWhiteSpace(Code))
        {
            return Complete(); // already verified earlier (back button)
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            AddError(nameof(Code), "请输入短信验证码。", "Enter the code from the SMS.");
            Save();
            return Page();
        }

        SmsVerifyResult result = await sms.VerifyAsync(number, Code, cancellationToken).ConfigureAwait(false);
        if (!result.IsVerified)
        {
            (string zh, string en) = result.Message;
            AddError(nameof(Code), zh, en);
            Save();
            return Page();
        }

        Draft.VerifiedMobile = number;
        return Complete();
    }

    /// <summary>The client address the per-client SMS limits count against.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
