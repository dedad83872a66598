using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform;
using SocialCard.Platform.Accounts;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>The centre administrator's unit register: every unit and sub-unit with its state and logins, a filter, and
/// the form that creates a unit (the Platform's <see cref="UnitManagement"/> writes and audits).</summary>
[Authorize(Policy = AuthPolicies.Admin)]
public sealed class UnitsModel(UnitManagement units) : AccountDeskPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ParentCode { get; set; }

    /// <summary>开户银行, one of the centre's banks (empty: none, a sub-unit takes its parent's).</summary>
    [BindProperty]
    public string? BankCode { get; set; }

    [BindProperty]
    public string? BankBranch { get; set; }

    public IReadOnlyList<UnitListItem> List { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ServiceResult<long> created = await units.CreateAsync(User.AuditActor(), Code, Name, ParentCode, BankCode, BankBranch, cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/console/units/{created.Value}?created=true");
        }

        Settle(created.Errors, null);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<UnitListItem> all = await units.ListAsync(null, cancellationToken);
        string? q = Query?.Trim();
        List = string.IsNullOrEmpty(q)
            ? all
            : [.. all.Where(u => u.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || u.Name.Contains(q, StringComparison.Ordinal)
                || string.Equals(u.ParentCode, q, StringComparison.OrdinalIgnoreCase))];
    }
}
