using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialCard.Web.Features.Console;

/// <summary>Console home: batch and card statistics per day and per unit.</summary>
public sealed class IndexModel(ConsoleQueries queries) : PageModel
{
    public StatsView? Stats { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Stats = await queries.StatsAsync(cancellationToken);
}
