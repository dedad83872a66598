using System.Buffers;

namespace SocialCard.Imaging;

/// <summary>
/// The one pixel buffer of the product: 8-bit RGB, three bytes a pixel, rows top to bottom with no padding
/// (stride = width * 3). The memory is rented from the shared pool (a new image is NOT zeroed: write every pixel or
/// call <c>Pixels.Clear()</c>); dispose the image to return it.
/// </summary>
public sealed class RgbImage : IDisposable
{
    private byte[]? _buffer;

    public RgbImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long length = (long)width * height * 3;
        if (length > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Image too large for one buffer.");
        }

        Width = width;
        Height = height;
        _buffer = ArrayPool<byte>.Shared.Rent((int)length);
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride => Width * 3;

    public int PixelCount => Width * Height;

    /// <summary>All pixels, row-major RGB.</summary>
    public Span<byte> Pixels => Buffer.AsSpan(0, Width * Height * 3);

    public Span<byte> Row(int y) => Buffer.AsSpan(y * Stride, Stride);

    public static RgbImage FromRgb(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var image = new RgbImage(width, height);
        if (rgb.Length != image.Pixels.Length)
        {
            image.Dispose();
            throw new ArgumentException($"Expected {width * height * 3} bytes of RGB, got {rgb.Length}.", nameof(rgb));
        }

        rgb.CopyTo(image.Pixels);
        return image;
    }

    public RgbImage Clone() => FromRgb(Pixels, Width, Height);

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RgbImage));
}
