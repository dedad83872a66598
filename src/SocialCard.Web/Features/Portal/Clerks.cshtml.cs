using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// A unit administrator's clerk logins: the logins of the own unit and its sub-units, the form that gives a clerk an
/// own login (temporary password shown once, changed at the first sign-in), and disabling or enabling a clerk. The
/// Platform's <see cref="UnitAccountManagement"/> keeps every action inside the administrator's unit tree.
/// </summary>
[Authorize(Policy = AuthPolicies.UnitAdmin)]
public sealed class ClerksModel(UnitManagement units, UnitAccountManagement logins, UiText text) : AccountDeskPageModel
{
    [BindProperty]
    public string? UnitCode { get; set; }

    [BindProperty]
    public string? ClerkLogin { get; set; }

    [BindProperty]
    public string? ClerkName { get; set; }

    [BindProperty]
    public UnitAccountRole Role { get; set; } = UnitAccountRole.Clerk;

    [BindProperty]
    public long AccountId { get; set; }

    public IReadOnlyList<UnitListItem> Units { get; private set; } = [];

    public IReadOnlyList<UnitAccountListItem> Accounts { get; private set; } = [];

    /// <summary>The login signed in now ("unit:" + login is the audit actor): it cannot disable itself.</summary>
    public string? Self => User.UnitAccountLogin();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ServiceResult<NewAccount> result = await logins.CreateAsync(User.AuditActor(), User.RequireUnitId(), UnitCode, ClerkLogin, ClerkName, Role, cancellationToken);
        Issued = result.Value;
        if (Issued is not null)
        {
            ClerkLogin = ClerkName = null;
        }

        return await AnswerAsync(result.Errors, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => await SetDisabledAsync(true, cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => await SetDisabledAsync(false, cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(bool disabled, CancellationToken cancellationToken)
    {
        ServiceResult<string> result = await logins.SetDisabledAsync(User.AuditActor(), User.RequireUnitId(), AccountId, disabled, cancellationToken);
        return await AnswerAsync(result.Errors, DisabledText(text, disabled, result.Value), cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(IReadOnlyList<ValidationError> errors, string? message, CancellationToken cancellationToken)
    {
        Settle(errors, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        long scope = User.RequireUnitId();
        Units = [.. (await units.ListAsync(scope, cancellationToken)).Where(u => !u.Closed)];
        Accounts = await logins.ListAsync(scope, null, cancellationToken);
    }
}
