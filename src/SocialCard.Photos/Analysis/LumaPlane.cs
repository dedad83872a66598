using SocialCard.Imaging;

namespace SocialCard.Photos.Analysis;

/// <summary>8-bit luma (BT.601: 0.299 R + 0.587 G + 0.114 B) of a whole image, one byte per pixel, row-major.</summary>
public sealed class LumaPlane
{
    private readonly byte[] _values;
    private bool _rented;

    private LumaPlane(byte[] values, int width, int height)
    {
        _values = values;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlySpan<byte> Values => _values.AsSpan(0, Width * Height);

    public ReadOnlySpan<byte> Row(int y) => _values.AsSpan(y * Width, Width);

    public byte this[int x, int y] => _values[(y * Width) + x];

    public static LumaPlane From(RgbImage image)
    {
        var values = new byte[image.PixelCount];
        Compute(image.Pixels, values);
        return new LumaPlane(values, image.Width, image.Height);
    }

    /// <summary>
    /// As <see cref="From"/>, on a buffer rented from the shared pool (a 358x441 plane is a large-object-heap array, and
    /// one per photo meant full collections); the owner calls <see cref="ReturnRented"/> once nothing reads it any more.
    /// </summary>
    internal static LumaPlane Rent(RgbImage image)
    {
        byte[] values = System.Buffers.ArrayPool<byte>.Shared.Rent(image.PixelCount);
        Compute(image.Pixels, values.AsSpan(0, image.PixelCount));
        return new LumaPlane(values, image.Width, image.Height) { _rented = true };
    }

    /// <summary>Gives a <see cref="Rent"/>ed buffer back; the plane must not be read afterwards.</summary>
    internal void ReturnRented()
    {
        if (_rented)
        {
            _rented = false;
            System.Buffers.ArrayPool<byte>.Shared.Return(_values);
        }
    }

    /// <summary>Fixed-point BT.601 luma: (77 R + 150 G + 29 B + 128) >> 8.</summary>
    internal static void Compute(ReadOnlySpan<byte> rgb, Span<byte> luma)
    {
        if (rgb.Length < luma.Length * 3)
        {
            throw new ArgumentException("RGB buffer shorter than three bytes per luma sample.", nameof(rgb));
        }

        ref byte src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(rgb);
        ref byte dst = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(luma);
        for (int i = 0; i < luma.Length; i++)
        {
            ref byte p = ref System.Runtime.CompilerServices.Unsafe.Add(ref src, i * 3);
            System.Runtime.CompilerServices.Unsafe.Add(ref dst, i) = (byte)(((77 * p) + (150 * System.Runtime.CompilerServices.Unsafe.Add(ref p, 1)) + (29 * System.Runtime.CompilerServices.Unsafe.Add(ref p, 2)) + 128) >> 8);
        }
    }
}
