using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// One unit for the centre administrator: edit its name, parent and state; its logins (the unit's shared login and each
/// HR clerk's own), each to disable, enable or reset to a temporary password; and the form that opens a new login. A
/// temporary password is shown once, on the answer to the action that made it.
/// </summary>
[Authorize(Policy = AuthPolicies.Admin)]
public sealed class UnitDetailModel(UnitManagement units, UnitAccountManagement logins, AccountPasswords passwords) : PageModel
{
    private bool _keepEditForm;

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Created { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ParentCode { get; set; }

    [BindProperty]
    public bool Closed { get; set; }

    [BindProperty]
    public string? ClerkLogin { get; set; }

    [BindProperty]
    public string? ClerkName { get; set; }

    [BindProperty]
    public UnitAccountRole Role { get; set; } = UnitAccountRole.Clerk;

    [BindProperty]
    public long AccountId { get; set; }

    public UnitListItem? Unit { get; private set; }

    public IReadOnlyList<UnitAccountListItem> Accounts { get; private set; } = [];

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    /// <summary>The login and temporary password made by this request, to show once.</summary>
    public NewAccount? Issued { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        ServiceResult<long> result = await units.UpdateAsync(User.AuditActor(), Id, Name, ParentCode, Closed, cancellationToken);
        _keepEditForm = !result.Succeeded;
        return await AnswerAsync(result.Errors, T("单位信息已保存。", "The unit is saved."), cancellationToken);
    }

    public async Task<IActionResult> OnPostAccountAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ServiceResult<NewAccount> result = await logins.CreateAsync(User.AuditActor(), null, Unit!.Code, ClerkLogin, ClerkName, Role, cancellationToken);
        Issued = result.Value;
        return await AnswerAsync(result.Errors, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => await SetDisabledAsync(true, cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => await SetDisabledAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        UnitAccountListItem? account = Accounts.FirstOrDefault(a => a.Id == AccountId);
        string? temporary = account is null ? null : await passwords.ResetAsync(User.AuditActor(), AccountPasswords.UnitAudience, account.LoginName, cancellationToken);
        Issued = temporary is null ? null : new NewAccount(account!.LoginName, temporary);
        return await AnswerAsync(temporary is null ? [NoSuchAccount] : [], null, cancellationToken);
    }

    private async Task<IActionResult> SetDisabledAsync(bool disabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Accounts.All(a => a.Id != AccountId))
        {
            return await AnswerAsync([NoSuchAccount], null, cancellationToken);
        }

        ServiceResult<string> result = await logins.SetDisabledAsync(User.AuditActor(), null, AccountId, disabled, cancellationToken);
        return await AnswerAsync(result.Errors, disabled
            ? T($"账号 {result.Value} 已停用，它的登录已退出。", $"Login {result.Value} is disabled; its sessions have ended.")
            : T($"账号 {result.Value} 已恢复。", $"Login {result.Value} is enabled again."), cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(IReadOnlyList<ValidationError> errors, string? message, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Message = message;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Unit = await units.FindAsync(Id, cancellationToken);
        if (Unit is null)
        {
            return false;
        }

        Accounts = await logins.ListAsync(null, Id, cancellationToken);
        if (!_keepEditForm)
        {
            Name = Unit.Name;
            ParentCode = Unit.ParentCode;
            Closed = Unit.Closed;
        }

        return true;
    }

    private static readonly ValidationError NoSuchAccount = new("AccountId", "这个单位没有这个账号。", "This unit has no such login.");

    private static string T(string zh, string en) => Localization.UiCultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? en : zh;
}
