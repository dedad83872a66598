namespace SocialCard.Web.Features.Portal;

/// <summary>One page of rows and the total count.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Rows, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
