namespace SocialCard.Web.Features.StatusQuery;

/// <summary>Limits of the public status query, bound from the "StatusQueryOptions" section.</summary>
public sealed class StatusQueryOptions
{
    /// <summary>Queries per client address per <see cref="Window"/>; more get HTTP 429.</summary>
    public int PermitsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
