namespace SocialCard.Web.Features.Portal;

public static class Paging
{
    /// <summary>Cuts page <paramref name="page"/> (1-based, clamped) out of an in-memory list.</summary>
    public static PagedList<T> ToPage<T>(this IReadOnlyList<T> all, int page, int pageSize)
    {
        int pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        int p = Math.Clamp(page, 1, pages);
        return new PagedList<T>([.. all.Skip((p - 1) * pageSize).Take(pageSize)], p, pageSize, all.Count);
    }
}
