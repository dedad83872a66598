using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>单位制卡失败人员查询 (failed production, including no photo, and voided photos).</summary>
public sealed class CardFailuresModel(CardLifecycleService cards) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public PagedList<CardStatusView> Rows { get; private set; } = new([], 1, 20, 0);

    public PagerModel Pager => new("/portal/card-failures", new Dictionary<string, string?> { ["q"] = Q }, Rows.Page, Rows.Pages, Rows.Total);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CardStatusView> all = await cards.UnitFailuresAsync(User.RequireUnitId(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            string q = Q.Trim();
            all = [.. all.Where(c => c.PersonalNumber.StartsWith(q, StringComparison.Ordinal) || c.MaskedName.StartsWith(q[..1], StringComparison.Ordinal))];
        }

        Rows = all.ToPage(PageNumber, 20);
    }
}
