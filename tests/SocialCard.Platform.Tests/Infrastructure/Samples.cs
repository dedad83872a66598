using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>Hand-made sample records. ID numbers get their check character computed, so they are valid.</summary>
public static class Samples
{
    private static int _seq = 100;

    /// <summary>A valid resident ID for 1987-06-15 in 510107 (成都武侯区); odd sequence = male.</summary>
    public static string ResidentId(string region = "510107", string birth = "19870615", int? seq = null)
    {
        var s = seq ?? Interlocked.Increment(ref _seq);
        var first17 = region + birth + (s % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.ComputeCheckChar(first17);
    }

    public static string PersonalNumber() => "01" + Interlocked.Increment(ref _seq).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static Person Person(Unit? unit = null, string? idNumber = null, string? phone = "13812345678", string name = "张三")
    {
        var id = idNumber ?? ResidentId();
        var p = new Person(IdType.ResidentId, id, "CHN", PersonalNumber(), name, Gender.Male, new DateOnly(1987, 6, 15), "中国")
        {
            Phone = phone,
        };
        if (unit is not null)
        {
            p.MoveToUnit(unit);
        }

        return p;
    }

    public static Unit Unit(string? code = null) =>
        new(code ?? ("U" + Interlocked.Increment(ref _seq).ToString(System.Globalization.CultureInfo.InvariantCulture)), "中智四川经济技术合作有限公司", null, "BOCD", "金牛支行");
}
