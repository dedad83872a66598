using System.Text.RegularExpressions;

namespace SocialCard.Platform.Domain.Validation;

/// <summary>Field rules for user input other than the resident ID. Each returns null when the value is acceptable.</summary>
public static partial class InputRules
{
    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex PersonalNumberPattern();

    /// <summary>护照号码: 5-20 letters or digits, with an ISO 3166-1 alpha-3 country (not CHN: Chinese citizens use the
    /// resident ID).</summary>
    public static ValidationError? Passport(string? number, string? countryCode, string field = "idNumber")
    {
        if (string.IsNullOrWhiteSpace(countryCode) || !CountryPattern().IsMatch(countryCode.Trim().ToUpperInvariant()))
        {
            return new("countryCode", "请选择护照签发国家或地区。", "Choose the passport's issuing country or region (ISO 3166 alpha-3).");
        }

        if (string.Equals(countryCode.Trim(), "CHN", StringComparison.OrdinalIgnoreCase))
        {
            return new("countryCode", "中国国籍请选择“居民身份证(户口簿)”。", "Chinese citizens must use the resident ID card, not a passport.");
        }

        if (string.IsNullOrWhiteSpace(number) || !PassportPattern().IsMatch(number.Trim().ToUpperInvariant()))
        {
            return new(field, "护照号码应为5至20位字母或数字。", "A passport number has 5 to 20 letters or digits.");
        }

        return null;
    }

    /// <summary>10 位社保个人编号.</summary>
    public static ValidationError? PersonalNumber(string? value, string field = "personalNumber") =>
        value is not null && PersonalNumberPattern().IsMatch(value.Trim())
            ? null
            : new(field, "社保个人编号应为10位数字。", "The personal number has exactly 10 digits.");

    /// <summary>Mainland mobile number 1[3-9]xxxxxxxxx.</summary>
    public static ValidationError? MobilePhone(string? value, string field = "phone") =>
        value is not null && MobilePattern().IsMatch(value.Trim())
            ? null
            : new(field, "请输入11位中国大陆手机号码。", "Enter an 11-digit mainland China mobile number.");

    public static ValidationError? PostalCode(string? value, string field = "postalCode") =>
        value is not null && PostalCodePattern().IsMatch(value.Trim())
            ? null
            : new(field, "邮政编码应为6位数字。", "The postal code has six digits.");

    public static ValidationError? Required(string? value, string field, string zhName, string enName) =>
        string.IsNullOrWhiteSpace(value) ? new(field, $"请填写{zhName}。", $"Enter the {enName}.") : null;

    /// <summary>职业: a GB/T 6565-2015 major group (the form's "7" is accepted as Y).</summary>
    public static ValidationError? Occupation(string? code, string field = "occupation") =>
        Codes.OccupationCodes.Normalize(code) is null
            ? new(field, "请选择有效的职业代码。", "Choose a valid occupation code (GB/T 6565 major group).")
            : null;

    /// <summary>学历: a GB/T 4658 code.</summary>
    public static ValidationError? Education(string? code, string field = "education") =>
        Codes.EducationCodes.IsKnown(code)
            ? null
            : new(field, "请选择有效的学历代码。", "Choose a valid education code (GB/T 4658).");

    /// <summary>证件有效期: must end more than four months after <paramref name="submittedOn"/>
    /// (seed 004: entered 2017-06-27, valid-until must be after 2017-10-27); long-term (长期) passes.</summary>
    public static ValidationError? IdValidity(DateOnly? validFrom, DateOnly? validUntil, bool longTerm, DateOnly submittedOn,
        string field = "idValidUntil")
    {
        if (validFrom is { } from && from > submittedOn)
        {
            return new("idValidFrom", "证件有效期起始日期不能晚于今天。", "The ID validity start date cannot be in the future.");
        }

        if (longTerm)
        {
            return validUntil is null
                ? null
                : new(field, "长期有效的证件不应填写截止日期。", "A long-term (长期) ID has no end date.");
        }

        if (validUntil is not { } until)
        {
            return new(field, "请填写证件有效期截止日期，或选择“长期”。", "Enter the ID's valid-until date, or choose long-term (长期).");
        }

        if (validFrom is { } f && until <= f)
        {
            return new(field, "证件有效期截止日期应晚于起始日期。", "The ID's valid-until date must be after its start date.");
        }

        var limit = submittedOn.AddMonths(4);
        return until > limit
            ? null
            : new(field,
                $"身份证有效期在四个月以内过期，请在更换身份证后再提交（有效期须在{limit:yyyy年M月d日}之后）。",
                $"The ID expires within four months; renew it first (valid-until must be after {limit:yyyy-MM-dd}).");
    }
}
