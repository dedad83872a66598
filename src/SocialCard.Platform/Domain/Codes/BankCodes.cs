using System.Collections.Frozen;

namespace SocialCard.Platform.Domain.Codes;

/// <summary>开户银行 / the card-issuing banks offered on the Chengdu registration form.</summary>
public static class BankCodes
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("ICBC", "工商银行", "Industrial and Commercial Bank of China"),
        new("ABC", "农业银行", "Agricultural Bank of China"),
        new("CCB", "建设银行", "China Construction Bank"),
        new("PSBC", "邮政储蓄银行", "Postal Savings Bank of China"),
        new("BOCD", "成都银行", "Bank of Chengdu"),
        new("CDRCB", "成都农村商业银行", "Chengdu Rural Commercial Bank"),
    ];

    private static readonly FrozenDictionary<string, CodeEntry> ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static CodeEntry? Find(string code) => ByCode.GetValueOrDefault(code);
}
