using Microsoft.AspNetCore.WebUtilities;

namespace SocialCard.Web.Features.Portal;

/// <summary>Paging links that keep the current filters.</summary>
public sealed record PagerModel(string Path, IReadOnlyDictionary<string, string?> Query, int Page, int Pages, int Total)
{
    public string Link(int page)
    {
        var query = new Dictionary<string, string?>(Query.Where(q => !string.IsNullOrEmpty(q.Value))) { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return QueryHelpers.AddQueryString(Path, query);
    }
}
