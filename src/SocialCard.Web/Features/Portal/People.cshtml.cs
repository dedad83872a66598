using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>制卡发卡查询 for the unit: each person's card state, production date and pick-up date.</summary>
public sealed class PeopleModel(PortalQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public PagedList<PersonCardView> Rows { get; private set; } = new([], 1, 20, 0);

    public PagerModel Pager => new("/portal/people", new Dictionary<string, string?> { ["q"] = Q }, Rows.Page, Rows.Pages, Rows.Total);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await queries.PeopleAsync(User.RequireUnitId(), Q, PageNumber, 20, cancellationToken);
}
