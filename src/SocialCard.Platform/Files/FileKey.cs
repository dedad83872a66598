using System.Buffers;

namespace SocialCard.Platform.Files;

/// <summary>
/// The one rule for file keys, the same on disk and in a bucket: 1-400 characters of ASCII letters, digits, '-', '_',
/// '.' and '/', no empty, "." or ".." segment, no leading or trailing '/'. Keys never carry personal data (callers
/// use row ids and generated names), so they can appear in logs and object listings.
/// </summary>
public static class FileKey
{
    public const int MaxLength = 400;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./");

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key.AsSpan().ContainsAnyExcept(Allowed))
        {
            return false;
        }

        foreach (Range range in key.AsSpan().Split('/'))
        {
            ReadOnlySpan<char> segment = key.AsSpan()[range];
            if (segment.IsEmpty || segment is "." || segment is "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a key <see cref="IsValid"/> refuses.</summary>
    public static string Validate(string? key) =>
        IsValid(key) ? key! : throw new ArgumentException($"Invalid file key '{key}': letters, digits, '-', '_', '.' and '/' segments only.", nameof(key));

    /// <summary>A prefix for <see cref="IFileStore.ListAsync"/>: empty, or a valid key optionally ending in '/'.</summary>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return prefix;
        }

        string trimmed = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        Validate(trimmed);
        return prefix;
    }
}
