using Microsoft.AspNetCore.WebUtilities;

namespace SocialCard.Web.Features.Portal;

/// <summary>Paging links that keep the current filters.</summary>
public sealed record PagerModel(string Path, IReadOnlyDictionary<string, string?> Query, int Page, int Pages, int Total)
{
    /// <summary>
    /// Query parameter of the page number. Not "page": Razor Pages keeps the page path in the route value "page",
    /// which model binding reads before the query string, so "?page=2" never reached the page models.
    /// </summary>
    public const string PageParameter = "p";

    public string Link(int page)
    {
        var query = new Dictionary<string, string?>(Query.Where(q => !string.IsNullOrEmpty(q.Value))) { [PageParameter] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return QueryHelpers.AddQueryString(Path, query);
    }
}
