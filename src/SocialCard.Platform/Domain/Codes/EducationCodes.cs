using System.Collections.Frozen;

namespace SocialCard.Platform.Domain.Codes;

/// <summary>学历 / education, GB/T 4658-2006 《学历代码》 (the decade codes are the levels, the others the
/// graduated/completed/dropped-out details). "50 技工学校" is from the 1984 edition and is still printed on the
/// Chengdu form (seed 004); it is accepted and kept as a legacy code.</summary>
public static class EducationCodes
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("10", "研究生教育", "Postgraduate"),
        new("11", "博士研究生毕业", "Doctorate, graduated"),
        new("12", "博士研究生结业", "Doctorate, completed"),
        new("13", "博士研究生肄业", "Doctorate, not completed"),
        new("14", "硕士研究生毕业", "Master, graduated"),
        new("15", "硕士研究生结业", "Master, completed"),
        new("16", "硕士研究生肄业", "Master, not completed"),
        new("17", "研究生班毕业", "Postgraduate class, graduated"),
        new("18", "研究生班结业", "Postgraduate class, completed"),
        new("19", "研究生班肄业", "Postgraduate class, not completed"),
        new("20", "大学本科教育", "Undergraduate (bachelor)"),
        new("21", "大学本科毕业", "Bachelor, graduated"),
        new("22", "大学本科结业", "Bachelor, completed"),
        new("23", "大学本科肄业", "Bachelor, not completed"),
        new("28", "大学普通班毕业", "University general class, graduated"),
        new("30", "大学专科教育", "Junior college"),
        new("31", "大学专科毕业", "Junior college, graduated"),
        new("32", "大学专科结业", "Junior college, completed"),
        new("33", "大学专科肄业", "Junior college, not completed"),
        new("40", "中等职业教育", "Secondary vocational"),
        new("41", "中等专科毕业", "Secondary specialised school, graduated"),
        new("42", "中等专科结业", "Secondary specialised school, completed"),
        new("43", "中等专科肄业", "Secondary specialised school, not completed"),
        new("44", "职业高中毕业", "Vocational high school, graduated"),
        new("45", "职业高中结业", "Vocational high school, completed"),
        new("46", "职业高中肄业", "Vocational high school, not completed"),
        new("47", "技工学校毕业", "Technical school, graduated"),
        new("48", "技工学校结业", "Technical school, completed"),
        new("49", "技工学校肄业", "Technical school, not completed"),
        new("50", "技工学校", "Technical school (GB/T 4658-1984 code, printed on the form)"),
        new("60", "普通高级中学教育", "Senior high school"),
        new("61", "普通高中毕业", "Senior high school, graduated"),
        new("62", "普通高中结业", "Senior high school, completed"),
        new("63", "普通高中肄业", "Senior high school, not completed"),
        new("70", "初级中学教育", "Junior high school"),
        new("71", "初中毕业", "Junior high school, graduated"),
        new("73", "初中肄业", "Junior high school, not completed"),
        new("80", "小学教育", "Primary school"),
        new("81", "小学毕业", "Primary school, graduated"),
        new("83", "小学肄业", "Primary school, not completed"),
        new("90", "其他", "Other"),
    ];

    private static readonly FrozenDictionary<string, CodeEntry> ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code.Trim());

    public static CodeEntry? Find(string code) => ByCode.GetValueOrDefault(code.Trim());
}
