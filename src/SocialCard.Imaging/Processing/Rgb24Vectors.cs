using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Imaging.Processing;

/// <summary>Vector helpers on packed RGB24 pixels shared by the pixel kernels.</summary>
public static class Rgb24Vectors
{
    /// <summary>Splits 16 RGB24 pixels (48 bytes from <paramref name="p"/>) into their R, G and B bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector128<byte> R, Vector128<byte> G, Vector128<byte> B) Deinterleave(ref byte p)
    {
        Vector128<byte> v0 = Vector128.LoadUnsafe(ref p);
        Vector128<byte> v1 = Vector128.LoadUnsafe(ref p, 16);
        Vector128<byte> v2 = Vector128.LoadUnsafe(ref p, 32);

        // Index 0x80 selects zero (pshufb: high bit set; Vector128.Shuffle: out of range).
        const byte Z = 0x80;
        Vector128<byte> r = Shuffle(v0, Vector128.Create((byte)0, 3, 6, 9, 12, 15, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z))
                          | Shuffle(v1, Vector128.Create(Z, Z, Z, Z, Z, Z, 2, 5, 8, 11, 14, Z, Z, Z, Z, Z))
                          | Shuffle(v2, Vector128.Create(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 1, 4, 7, 10, 13));
        Vector128<byte> g = Shuffle(v0, Vector128.Create((byte)1, 4, 7, 10, 13, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z))
                          | Shuffle(v1, Vector128.Create(Z, Z, Z, Z, Z, 0, 3, 6, 9, 12, 15, Z, Z, Z, Z, Z))
                          | Shuffle(v2, Vector128.Create(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 2, 5, 8, 11, 14));
        Vector128<byte> b = Shuffle(v0, Vector128.Create((byte)2, 5, 8, 11, 14, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z))
                          | Shuffle(v1, Vector128.Create(Z, Z, Z, Z, Z, 1, 4, 7, 10, 13, Z, Z, Z, Z, Z, Z))
                          | Shuffle(v2, Vector128.Create(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 0, 3, 6, 9, 12, 15));
        return (r, g, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Shuffle(Vector128<byte> value, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(value, indices) : Vector128.Shuffle(value, indices);
}
