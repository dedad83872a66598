using System.Buffers;
using SocialCard.Imaging.Processing.BitRows;
using SocialCard.Imaging.Processing.Distance;

namespace SocialCard.Photos.Analysis;

/// <summary>The planes <see cref="CutOutMeasure"/> works on for a band of <see cref="Rows"/> rows of a photo
/// <see cref="Width"/> wide, rented from the shared pool for one measure (the arrays may be longer than needed; every
/// element in use is written before it is read). Bit planes hold one bit per pixel
/// (the layout of <see cref="BitRowKernel"/> and <see cref="ChamferDilation"/>, <see cref="Words"/> words per row).</summary>
internal sealed class CutOutPlanes : IDisposable
{
    private byte[]? _component;
    private int[]? _stack;
    private byte[]? _photoComponent;
    private int[]? _photoStack;

    public CutOutPlanes(int width, int rows, int height)
    {
        Width = width;
        Rows = rows;
        Height = height;
        Words = BitRowKernel.Words(width);
        Probability = ArrayPool<float>.Shared.Rent(width * rows);
        DistanceFromWhite = ArrayPool<byte>.Shared.Rent(width * rows);
        Person = ArrayPool<ulong>.Shared.Rent(Words * rows);
        NotWhite = ArrayPool<ulong>.Shared.Rent(Words * rows);
        Ring = ArrayPool<ulong>.Shared.Rent(Words * rows);
    }

    public int Width { get; }

    public int Rows { get; }

    /// <summary>The photo's height (the band is its first <see cref="Rows"/> rows).</summary>
    public int Height { get; }

    public int Words { get; }

    /// <summary>The mask's person probability at each pixel.</summary>
    public float[] Probability { get; }

    /// <summary>255 minus the darkest channel.</summary>
    public byte[] DistanceFromWhite { get; }

    /// <summary>Bits: the probability is at least 0.5.</summary>
    public ulong[] Person { get; }

    /// <summary>Bits: the darkest channel is more than <see cref="CutOutMeasure.NotWhite"/> below 255.</summary>
    public ulong[] NotWhite { get; }

    /// <summary>Bits: not person, within the halo ring of it.</summary>
    public ulong[] Ring { get; }

    /// <summary>Per pixel: 0 not yet reached, 1 in a not-white region joined to the person, 2 in one that is not
    /// (rented and cleared on first use: most photos have no pixel to ask about).</summary>
    public byte[] Component => RentCleared(ref _component, Width * Rows);

    /// <summary>The region fill's list of pixels (each pixel is added at most once).</summary>
    public int[] Stack => _stack ??= ArrayPool<int>.Shared.Rent(Width * Rows);

    /// <summary>Per pixel of the whole photo: 0 not yet reached, 1 in a not-white region that is clothing, 2 in one
    /// that is not (rented and cleared on first use).</summary>
    public byte[] PhotoComponent => RentCleared(ref _photoComponent, Width * Height);

    /// <summary>The clothing fill's list of pixels.</summary>
    public int[] PhotoStack => _photoStack ??= ArrayPool<int>.Shared.Rent(Width * Height);

    private static byte[] RentCleared(ref byte[]? array, int length)
    {
        if (array is null)
        {
            array = ArrayPool<byte>.Shared.Rent(length);
            Array.Clear(array, 0, length);
        }

        return array;
    }

    public bool IsPerson(int x, int y) => ((Person[(y * Words) + (x >> 6)] >> (x & 63)) & 1) != 0;

    public bool IsNotWhite(int x, int y) => ((NotWhite[(y * Words) + (x >> 6)] >> (x & 63)) & 1) != 0;

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(Probability);
        ArrayPool<byte>.Shared.Return(DistanceFromWhite);
        ArrayPool<ulong>.Shared.Return(Person);
        ArrayPool<ulong>.Shared.Return(NotWhite);
        ArrayPool<ulong>.Shared.Return(Ring);
        if (_component is not null)
        {
            ArrayPool<byte>.Shared.Return(_component);
        }

        if (_stack is not null)
        {
            ArrayPool<int>.Shared.Return(_stack);
        }

        if (_photoComponent is not null)
        {
            ArrayPool<byte>.Shared.Return(_photoComponent);
        }

        if (_photoStack is not null)
        {
            ArrayPool<int>.Shared.Return(_photoStack);
        }
    }
}
