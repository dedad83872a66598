using System.Text.RegularExpressions;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Accounts;

/// <summary>The shape of the names people type to sign in: unit codes, clerk logins and staff logins.</summary>
public static partial class AccountNames
{
    public const int MaxLoginLength = 32;

    public const int MaxNameLength = 50;

    /// <summary>A unit code: letters, digits and hyphens (the demo's sub-units are "325520-01"), at most 32.</summary>
    public static ValidationError? CheckUnitCode(string? code, string field) =>
        code is not null && UnitCodePattern().IsMatch(code) ? null
            : new ValidationError(field, "单位代码只能由字母、数字和连字符组成，最多 32 个字符。", "A unit code has letters, digits and hyphens only, 32 at most.");

    /// <summary>A clerk or staff login: lower-case letters, digits, dot, hyphen, underscore; 2 to 32, starting with a letter or digit.</summary>
    public static ValidationError? CheckLogin(string? login, string field) =>
        login is not null && LoginPattern().IsMatch(login) ? null
            : new ValidationError(field, "登录名用小写字母、数字、点、连字符或下划线，2 到 32 个字符，以字母或数字开头。",
                "A login has lower-case letters, digits, dots, hyphens or underscores, 2 to 32 characters, starting with a letter or digit.");

    /// <summary>A person's or unit's name as shown on pages.</summary>
    public static ValidationError? CheckName(string? name, string field, int maxLength = MaxNameLength) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= maxLength ? null
            : new ValidationError(field, $"请填写名称（最多 {maxLength} 个字）。", $"Enter a name ({maxLength} characters at most).");

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitCodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoginPattern();
}
