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
/// The centre administrator's staff accounts: create one with a role, change the role, disable or enable it, and reset
/// its password to a temporary one (the unit reset's flow, <see cref="AccountPasswords.ResetAsync"/>). A temporary
/// password is shown once, on the answer to the action that made it.
/// </summary>
[Authorize(Policy = AuthPolicies.Admin)]
public sealed class StaffModel(StaffAccountManagement staff, AccountPasswords passwords, UiText text) : AccountDeskPageModel
{
    /// <summary>The roles in the order the form offers them.</summary>
    public static IReadOnlyList<StaffRole> Roles { get; } = [StaffRole.Clerk, StaffRole.Reviewer, StaffRole.CardOperator, StaffRole.Auditor, StaffRole.Admin];

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public StaffRole Role { get; set; } = StaffRole.Clerk;

    [BindProperty]
    public long AccountId { get; set; }

    [BindProperty]
    public bool Disabled { get; set; }

    public IReadOnlyList<StaffAccountListItem> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await staff.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ServiceResult<NewAccount> result = await staff.CreateAsync(User.AuditActor(), Login, DisplayName, Role, cancellationToken);
        Issued = result.Value;
        return await AnswerAsync(result.Errors, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        ServiceResult<string> result = await staff.UpdateAsync(User.AuditActor(), AccountId, Role, Disabled, cancellationToken);
        return await AnswerAsync(result.Errors, text.Pick($"账号 {result.Value} 已保存；它的登录已退出，新设置从下次登录起生效。",
            $"Account {result.Value} is saved; its sessions have ended and the change holds from its next sign-in."), cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        string? login = (await staff.ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == AccountId)?.Login;
        string? temporary = login is null ? null : await passwords.ResetAsync(User.AuditActor(), AccountPasswords.StaffAudience, login, cancellationToken);
        Issued = temporary is null ? null : new NewAccount(login!, temporary);
        return await AnswerAsync(temporary is null ? [new ValidationError("AccountId", "没有这个工作人员账号。", "There is no such staff account.")] : [], null, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(IReadOnlyList<ValidationError> errors, string? message, CancellationToken cancellationToken)
    {
        Settle(errors, message);
        if (errors.Count == 0 && Issued is not null)
        {
            Login = DisplayName = null;
            Role = StaffRole.Clerk;
        }

        Accounts = await staff.ListAsync(cancellationToken);
        return Page();
    }
}
