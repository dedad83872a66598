namespace SocialCard.Web.Features.Wizard;

/// <summary>Dates the applicant sees are China Standard Time (UTC+8, no daylight saving), whatever the server zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateTimeOffset ToChina(DateTimeOffset value) => value.ToOffset(Offset);
}
