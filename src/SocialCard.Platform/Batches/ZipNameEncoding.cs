using System.Text;

namespace SocialCard.Platform.Batches;

/// <summary>
/// The entry-name encoding handed to <see cref="System.IO.Compression.ZipArchive"/>. The archive itself uses UTF-8
/// whenever general-purpose bit 11 (EFS) is set and calls this encoding only when it is clear. Names without the flag
/// are decoded as GBK (code page 936, what Windows' built-in "send to compressed folder" writes on a Chinese system)
/// unless the bytes are well-formed UTF-8 with multi-byte sequences: macOS Archive Utility writes UTF-8 names without
/// setting the flag, and well-formed UTF-8 is very unlikely to be accidental GBK Chinese.
/// </summary>
internal sealed class ZipNameEncoding : Encoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private ZipNameEncoding()
    {
    }

    public static ZipNameEncoding Instance { get; } = new();

    /// <summary>GBK (code page 936) from the framework's code-pages provider, without registering it globally.</summary>
    public static Encoding Gbk { get; } = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new PlatformNotSupportedException("Code page 936 (GBK) is not available.");

    public override string EncodingName => "GBK or UTF-8 (zip entry names)";

    public override string WebName => "gbk";

    /// <summary>Which encoding decodes <paramref name="bytes"/>.</summary>
    public static Encoding Pick(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.ContainsAnyExceptInRange((byte)0x00, (byte)0x7F))
        {
            return StrictUtf8;
        }

        return System.Text.Unicode.Utf8.IsValid(bytes) ? StrictUtf8 : Gbk;
    }

    public override int GetByteCount(char[] chars, int index, int count) => Gbk.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Gbk.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) =>
        Pick(bytes.AsSpan(index, count)).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Pick(bytes.AsSpan(byteIndex, byteCount)).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override string GetString(byte[] bytes, int index, int count) =>
        Pick(bytes.AsSpan(index, count)).GetString(bytes, index, count);

    public override int GetMaxByteCount(int charCount) => Gbk.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => Math.Max(Gbk.GetMaxCharCount(byteCount), StrictUtf8.GetMaxCharCount(byteCount));
}
