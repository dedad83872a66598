using SocialCard.Platform.Domain.Codes;

namespace SocialCard.Platform.Domain.Validation;

/// <summary>GB 11643-1999 citizen identity number: 6-digit region code, 8-digit birth date, 3-digit sequence (odd =
/// male), ISO 7064 MOD 11-2 check character (0-9 or X).</summary>
public static class ResidentIdNumber
{
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckChars = "10X98765432";

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Need exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = first17[i] - '0';
            if ((uint)d > 9)
            {
                throw new ArgumentException("Digits only.", nameof(first17));
            }

            sum += d * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Validates and parses; <paramref name="today"/> bounds the birth date.</summary>
    public static ValidationError? Validate(string? input, DateOnly today, out ResidentIdInfo info, string field = "idNumber")
    {
        info = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return new(field, "请填写身份证号码。", "Enter the resident ID number.");
        }

        var s = input.Trim().ToUpperInvariant();
        if (s.Length != 18)
        {
            return new(field, "身份证号码应为18位。", "A resident ID number has 18 characters.");
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return new(field, "身份证号码前17位必须是数字。", "The first 17 characters of a resident ID number must be digits.");
            }
        }

        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X')
        {
            return new(field, "身份证号码最后一位应为数字或X。", "The last character of a resident ID number must be a digit or X.");
        }

        if (!ProvinceCodes.IsKnown(s.AsSpan(0, 2)))
        {
            return new(field, $"身份证号码的地区码 {s[..6]} 不是有效的省级行政区划。", $"The region code {s[..6]} does not start with a valid province code.");
        }

        var year = int.Parse(s.AsSpan(6, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(s.AsSpan(10, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(s.AsSpan(12, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(field, "身份证号码中的出生日期无效。", "The birth date in the resident ID number is not a valid date.");
        }

        var birth = new DateOnly(year, month, day);
        if (birth > today)
        {
            return new(field, "身份证号码中的出生日期晚于今天。", "The birth date in the resident ID number is in the future.");
        }

        if (s.AsSpan(14, 3).SequenceEqual("000"))
        {
            return new(field, "身份证号码的顺序码不能为000。", "The sequence code of a resident ID number cannot be 000.");
        }

        var check = ComputeCheckChar(s.AsSpan(0, 17));
        if (check != s[17])
        {
            return new(field, "身份证号码校验位错误，请核对后重新输入。", "The check character of the resident ID number is wrong; please re-check the number.");
        }

        var gender = (s[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        info = new ResidentIdInfo(s, s[..6], birth, gender);
        return null;
    }
}
