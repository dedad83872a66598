namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// 国家和地区 offered for passports and nationality: ISO 3166-1 alpha-3 with zh-CN and English names. A short list of
/// the countries most often seen among foreign employees; extend here (Platform has no country table yet).
/// </summary>
public static class Countries
{
    public const string China = "CHN";

    public static IReadOnlyList<CountryEntry> All { get; } =
    [
        new("CHN", "中国", "China"),
        new("HKG", "中国香港", "Hong Kong SAR, China"),
        new("MAC", "中国澳门", "Macao SAR, China"),
        new("TWN", "中国台湾", "Taiwan, China"),
        new("USA", "美国", "United States"),
        new("GBR", "英国", "United Kingdom"),
        new("DEU", "德国", "Germany"),
        new("FRA", "法国", "France"),
        new("ITA", "意大利", "Italy"),
        new("ESP", "西班牙", "Spain"),
        new("NLD", "荷兰", "Netherlands"),
        new("CHE", "瑞士", "Switzerland"),
        new("SWE", "瑞典", "Sweden"),
        new("RUS", "俄罗斯", "Russia"),
        new("JPN", "日本", "Japan"),
        new("KOR", "韩国", "Republic of Korea"),
        new("SGP", "新加坡", "Singapore"),
        new("MYS", "马来西亚", "Malaysia"),
        new("THA", "泰国", "Thailand"),
        new("VNM", "越南", "Viet Nam"),
        new("PHL", "菲律宾", "Philippines"),
        new("IDN", "印度尼西亚", "Indonesia"),
        new("IND", "印度", "India"),
        new("PAK", "巴基斯坦", "Pakistan"),
        new("AUS", "澳大利亚", "Australia"),
        new("NZL", "新西兰", "New Zealand"),
        new("CAN", "加拿大", "Canada"),
        new("BRA", "巴西", "Brazil"),
        new("MEX", "墨西哥", "Mexico"),
        new("ZAF", "南非", "South Africa"),
        new("EGY", "埃及", "Egypt"),
        new("NGA", "尼日利亚", "Nigeria"),
    ];

    public static CountryEntry? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record CountryEntry(string Code, string Zh, string En);
