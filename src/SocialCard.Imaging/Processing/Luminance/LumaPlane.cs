namespace SocialCard.Imaging.Processing.Luminance;

/// <summary>8-bit luma (<see cref="Bt601"/>, fixed point) of a whole image, one byte per pixel, row-major: the one luma
/// plane the analyses and fix steps read (<see cref="LumaKernel"/> computes it).</summary>
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
        ArgumentNullException.ThrowIfNull(image);
        var values = new byte[image.PixelCount];
        LumaKernel.Compute(image.Pixels, values);
        return new LumaPlane(values, image.Width, image.Height);
    }

    /// <summary>
    /// As <see cref="From"/>, on a buffer rented from the shared pool (a 358x441 plane is a large-object-heap array, and
    /// one per photo meant full collections); the owner calls <see cref="ReturnRented"/> once nothing reads it any more.
    /// </summary>
    public static LumaPlane Rent(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        byte[] values = System.Buffers.ArrayPool<byte>.Shared.Rent(image.PixelCount);
        LumaKernel.Compute(image.Pixels, values.AsSpan(0, image.PixelCount));
        return new LumaPlane(values, image.Width, image.Height) { _rented = true };
    }

    /// <summary>Gives a <see cref="Rent"/>ed buffer back; the plane must not be read afterwards.</summary>
    public void ReturnRented()
    {
        if (_rented)
        {
            _rented = false;
            System.Buffers.ArrayPool<byte>.Shared.Return(_values);
        }
    }
}
