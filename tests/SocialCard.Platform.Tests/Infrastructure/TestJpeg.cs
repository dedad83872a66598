namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>Bytes that look like a JPEG of a given size (SOI, APP0 marker, padding, EOI) for the test reviewer.</summary>
public static class TestJpeg
{
    public static byte[] Make(int size, int seed)
    {
        var b = new byte[size];
        new Random(seed).NextBytes(b);
        b[0] = 0xFF;
        b[1] = 0xD8;
        b[2] = 0xFF;
        b[3] = 0xE0;
        b[^2] = 0xFF;
        b[^1] = 0xD9;
        return b;
    }
}
