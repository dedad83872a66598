namespace SocialCard.Platform.Security;

/// <summary>Masks personal data for lists and logs.</summary>
public static class PersonalDataMask
{
    /// <summary>5101**********123X: first 4 and last 4 shown.</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= 8)
        {
            return value.Length <= 2 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 2), value.AsSpan(value.Length - 1));
        }

        return string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
    }

    /// <summary>138****5678.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length < 7)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
    }

    /// <summary>张三 -> 张*, 欧阳娜娜 -> 欧***: only the first character is kept.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var chars = value.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (chars.Length == 1)
        {
            return "*";
        }

        return chars[0] + new string('*', chars.Length - 1);
    }
}
