using System.Globalization;

namespace SocialCard.Web.Features.Portal;

/// <summary>Display formats of the portal and console: times in China Standard Time (UTC+8).</summary>
public static class PortalFormat
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset value) =>
        value.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
