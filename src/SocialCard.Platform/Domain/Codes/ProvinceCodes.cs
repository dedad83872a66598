using System.Collections.Frozen;

namespace SocialCard.Platform.Domain.Codes;

/// <summary>省级行政区划代码 (GB/T 2260, first two digits of a resident ID). 81/82/83 are the Hong Kong, Macao and
/// Taiwan residence-permit prefixes (GB 11643 as applied since 2018); 71 is Taiwan in GB/T 2260.</summary>
public static class ProvinceCodes
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("11", "北京市", "Beijing"), new("12", "天津市", "Tianjin"), new("13", "河北省", "Hebei"),
        new("14", "山西省", "Shanxi"), new("15", "内蒙古自治区", "Inner Mongolia"), new("21", "辽宁省", "Liaoning"),
        new("22", "吉林省", "Jilin"), new("23", "黑龙江省", "Heilongjiang"), new("31", "上海市", "Shanghai"),
        new("32", "江苏省", "Jiangsu"), new("33", "浙江省", "Zhejiang"), new("34", "安徽省", "Anhui"),
        new("35", "福建省", "Fujian"), new("36", "江西省", "Jiangxi"), new("37", "山东省", "Shandong"),
        new("41", "河南省", "Henan"), new("42", "湖北省", "Hubei"), new("43", "湖南省", "Hunan"),
        new("44", "广东省", "Guangdong"), new("45", "广西壮族自治区", "Guangxi"), new("46", "海南省", "Hainan"),
        new("50", "重庆市", "Chongqing"), new("51", "四川省", "Sichuan"), new("52", "贵州省", "Guizhou"),
        new("53", "云南省", "Yunnan"), new("54", "西藏自治区", "Tibet"), new("61", "陕西省", "Shaanxi"),
        new("62", "甘肃省", "Gansu"), new("63", "青海省", "Qinghai"), new("64", "宁夏回族自治区", "Ningxia"),
        new("65", "新疆维吾尔自治区", "Xinjiang"), new("71", "台湾省", "Taiwan"), new("81", "香港特别行政区", "Hong Kong"),
        new("82", "澳门特别行政区", "Macao"), new("83", "台湾居民居住证", "Taiwan residents (residence permit)"),
    ];

    private static readonly FrozenDictionary<string, CodeEntry> ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    public static bool IsKnown(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length == 2 && ByCode.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(twoDigits);

    public static CodeEntry? Find(string code) => ByCode.GetValueOrDefault(code);
}
