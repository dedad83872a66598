namespace SocialCard.Platform.Batches;

/// <summary>The Suzhou naming rule: <c>&lt;10-digit personal number&gt;.jpg</c> (<c>.jpg</c>/<c>.jpeg</c>, any case).</summary>
public static class PhotoFileName
{
    /// <summary>Length of a Suzhou social security personal number.</summary>
    public const int PersonalNumberLength = 10;

    /// <summary>Parses a bare file name (no folder); ASCII digits only, so full-width digits are refused.</summary>
    public static bool TryParsePersonalNumber(string fileName, out string personalNumber)
    {
        personalNumber = string.Empty;
        int dot = fileName.LastIndexOf('.');
        if (dot != PersonalNumberLength)
        {
            return false;
        }

        var extension = fileName.AsSpan(dot);
        if (!extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) &&
            !extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = fileName.AsSpan(0, dot);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        personalNumber = digits.ToString();
        return true;
    }

    /// <summary>True when <paramref name="value"/> is exactly 10 ASCII digits.</summary>
    public static bool IsPersonalNumber(ReadOnlySpan<char> value)
    {
        if (value.Length != PersonalNumberLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
