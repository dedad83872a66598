namespace SocialCard.Imaging.Formats.Png;

/// <summary>Chunk type codes as big-endian integers.</summary>
internal static class PngChunkType
{
    public const uint Ihdr = 0x49484452;
    public const uint Plte = 0x504C5445;
    public const uint Idat = 0x49444154;
    public const uint Iend = 0x49454E44;
    public const uint Trns = 0x74524E53;
    public const uint Phys = 0x70485973;

    public static string Name(uint type) => string.Create(4, type, static (span, t) =>
    {
        for (int i = 0; i < 4; i++)
        {
            byte b = (byte)(t >> (24 - (8 * i)));
            span[i] = b is >= 0x20 and < 0x7F ? (char)b : '?';
        }
    });
}
