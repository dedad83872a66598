using System.Buffers;
using SocialCard.Imaging.Processing.Distance;

namespace SocialCard.Photos.Analysis;

/// <summary>The per-pixel planes <see cref="CutOutMeasure"/> works on, rented from the shared pool for one measure
/// (the arrays may be longer than <see cref="Length"/>; every element up to it is written before it is read).</summary>
internal sealed class CutOutPlanes : IDisposable
{
    public CutOutPlanes(int length)
    {
        Length = length;
        Probability = ArrayPool<float>.Shared.Rent(length);
        Person = ArrayPool<byte>.Shared.Rent(length);
        DistanceFromWhite = ArrayPool<byte>.Shared.Rent(length);
        Distance = ArrayPool<int>.Shared.Rent(length);
        Attached = ArrayPool<byte>.Shared.Rent(length);
        Stack = ArrayPool<int>.Shared.Rent(length);
    }

    public int Length { get; }

    /// <summary>The mask's person probability at each pixel.</summary>
    public float[] Probability { get; }

    /// <summary>1 where the probability is at least 0.5.</summary>
    public byte[] Person { get; }

    /// <summary>255 minus the darkest channel.</summary>
    public byte[] DistanceFromWhite { get; }

    /// <summary>Chamfer distance to the nearest person pixel, in integer chamfer units (<see cref="DistanceTransform.Chamfer"/>).</summary>
    public int[] Distance { get; }

    /// <summary>Not-white pixels connected to the person (flood fill, starting from a copy of <see cref="Person"/>).</summary>
    public byte[] Attached { get; }

    /// <summary>The flood fill's stack (each pixel is pushed at most once).</summary>
    public int[] Stack { get; }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(Probability);
        ArrayPool<byte>.Shared.Return(Person);
        ArrayPool<byte>.Shared.Return(DistanceFromWhite);
        ArrayPool<int>.Shared.Return(Distance);
        ArrayPool<byte>.Shared.Return(Attached);
        ArrayPool<int>.Shared.Return(Stack);
    }
}
