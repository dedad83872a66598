using System.Globalization;

namespace SocialCard.Web.Localization;

/// <summary>The two interface languages: Simplified Chinese first, English on request (cookie).</summary>
public static class UiCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>Cookie that remembers the visitor's choice (ASP.NET Core's request-culture cookie format).</summary>
    public const string CookieName = ".SocialCard.Culture";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new CultureInfo(Chinese), new CultureInfo(English)];

    /// <summary>True when the current UI culture is English; everything else falls back to Chinese.</summary>
    public static bool IsEnglish(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps anything the visitor sends to one of the two supported names.</summary>
    public static string Normalise(string? requested) =>
        requested is not null && requested.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
