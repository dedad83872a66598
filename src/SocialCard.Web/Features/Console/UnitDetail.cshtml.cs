using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// One unit for the centre administrator: edit its name, parent and state; its logins (the unit's shared login and each
/// HR clerk's own), each to disable, enable or reset to a temporary password; and the form that opens a new login. A
/// temporary password is shown once, on the answer to the action that made it.
/// </summary>
[Authorize(Policy = AuthPolicies.Admin)]
public sealed class UnitDetailModel(UnitManagement units, UnitAccountManagement logins, AccountPasswords passwords, UiText text) : AccountDeskPageModel
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

    /// <summary>The unit's own bank, one of the centre's (empty: none, its parent's applies).</summary>
    [BindProperty]
    public string? BankCode { get; set; }

    [BindProperty]
    public string? BankBranch { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        ServiceResult<long> result = await units.UpdateAsync(User.AuditActor(), Id, Name, ParentCode, Closed, cancellationToken);
        if (result.Succeeded)
        {
            result = await units.SetBankAsync(User.AuditActor(), Id, BankCode, BankBranch, cancellationToken);
        }

        _keepEditForm = !result.Succeeded;
        return await AnswerAsync(result.Errors, text.Pick("单位信息已保存。", "The unit is saved."), cancellationToken);
    }

    public async Task<IActionResult> OnPostAccountAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ServiceResult<NewAccount> result = await logins.CreateAsync(User.AuditActor(), null, Unit!.Code, ClerkLogin, ClerkName, Role, cancellationToken);
        Issued = result.Value;
        if (Issued is not null)
        {
            ClerkLogin = ClerkName = null;
        }

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
        return await AnswerAsync(result.Errors, DisabledText(text, disabled, result.Value), cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(IReadOnlyList<ValidationError> errors, string? message, CancellationToken cancellationToken)
    {
        Settle(errors, message);
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
            BankCode = Unit.BankCode;
            BankBranch = Unit.BankBranch;
        }

        return true;
    }

    private static readonly ValidationError NoSuchAccount = new("AccountId", "这个单位没有这个账号。", "This unit has no such login.");
}
