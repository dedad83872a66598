using System.Buffers;

namespace SocialCard.Photos.Analysis;

/// <summary>The per-pixel planes <see cref="CutOutMeasure"/> works on, rented from the shared pool for one measure
/// (the arrays may be longer than <see cref="Length"/>; every element up to it is written before it is read, except
/// <see cref="Attached"/>, which is cleared).</summary>
internal sealed class CutOutPlanes : IDisposable
{
    public CutOutPlanes(int length)
    {
        Length = length;
        Probability = ArrayPool<float>.Shared.Rent(length);
        Person = ArrayPool<byte>.Shared.Rent(length);
        DistanceFromWhite = ArrayPool<byte>.Shared.Rent(length);
        Distance = ArrayPool<float>.Shared.Rent(length);
        DistanceScratch = ArrayPool<int>.Shared.Rent(length);
        Attached = ArrayPool<byte>.Shared.Rent(length);
        Stack = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(Attached, 0, length);
    }

    public int Length { get; }

    /// <summary>The mask's person probability at each pixel.</summary>
    public float[] Probability { get; }

    /// <summary>1 where the probability is at least 0.5.</summary>
    public byte[] Person { get; }

    /// <summary>255 minus the darkest channel.</summary>
    public byte[] DistanceFromWhite { get; }

    /// <summary>Chamfer distance to the nearest person pixel.</summary>
    public float[] Distance { get; }

    public int[] DistanceScratch { get; }

    /// <summary>Not-white pixels connected to the person (flood fill), cleared.</summary>
    public byte[] Attached { get; }

    /// <summary>The flood fill's stack (each pixel is pushed at most once).</summary>
    public int[] Stack { get; }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(Probability);
        ArrayPool<byte>.Shared.Return(Person);
        ArrayPool<byte>.Shared.Return(DistanceFromWhite);
        ArrayPool<float>.Shared.Return(Distance);
        ArrayPool<int>.Shared.Return(DistanceScratch);
        ArrayPool<byte>.Shared.Return(Attached);
        ArrayPool<int>.Shared.Return(Stack);
    }
}
