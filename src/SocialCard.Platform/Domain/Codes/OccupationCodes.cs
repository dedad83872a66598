using System.Collections.Frozen;

namespace SocialCard.Platform.Domain.Codes;

/// <summary>职业 / occupation, the major groups (大类) of GB/T 6565-2015 《职业分类与代码》.
/// The Chengdu form (seed 004) still prints the 2009 labels (e.g. 4 商业、服务业人员); those are kept as
/// <see cref="FormLabel"/> so a printed form and the stored code agree. The form's "7 其他" is not a code of the
/// standard; it is accepted as an alias of Y (不便分类的其他从业人员).</summary>
public static class OccupationCodes
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人", "Heads of Party and state organs, mass organisations, social organisations, enterprises and institutions"),
        new("2", "专业技术人员", "Professional and technical personnel"),
        new("3", "办事人员和有关人员", "Clerical and related personnel"),
        new("4", "社会生产服务和生活服务人员", "Social production and life service personnel"),
        new("5", "农、林、牧、渔业生产及辅助人员", "Agriculture, forestry, animal husbandry and fishery production and auxiliary personnel"),
        new("6", "生产制造及有关人员", "Production, manufacturing and related personnel"),
        new("X", "军人", "Military personnel"),
        new("Y", "不便分类的其他从业人员", "Other workers not classifiable by occupation"),
    ];

    private static readonly FrozenDictionary<string, CodeEntry> ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> FormLabels = new Dictionary<string, string>
    {
        ["1"] = "单位负责人",
        ["2"] = "专业技术人员",
        ["3"] = "办事人员和有关人员",
        ["4"] = "商业、服务业人员",
        ["5"] = "农、林、牧、渔、水利业生产人员",
        ["6"] = "生产、运输设备操作人员及有关人员",
        ["X"] = "军人",
        ["Y"] = "其他",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Maps an entered code to the stored one: upper-cases x/y and turns the form's "7" into "Y".</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var c = code.Trim().ToUpperInvariant();
        if (c == "7")
        {
            c = "Y";
        }

        return ByCode.ContainsKey(c) ? c : null;
    }

    public static CodeEntry? Find(string code) => Normalize(code) is { } c ? ByCode[c] : null;

    /// <summary>The short label the registration form prints for a code.</summary>
    public static string? FormLabel(string code) => Normalize(code) is { } c ? FormLabels[c] : null;
}
