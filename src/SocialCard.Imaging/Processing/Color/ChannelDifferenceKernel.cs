using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.Color;

/// <summary>
/// How far RGB24 pixels lie from one colour: the channel differences summed (<see cref="Difference"/>), and a row of
/// pixels marked where that sum exceeds a tolerance (<see cref="Exceeds"/>: 16 pixels per Vector128 step, behind its
/// scalar reference, the same integer sums compared with the same tolerance).
/// </summary>
public static class ChannelDifferenceKernel
{
    /// <summary>Set false (tests) to force the scalar reference.</summary>
    internal static bool UseVectors { get; set; } = Vector128.IsHardwareAccelerated;

    /// <summary><c>|R - r| + |G - g| + |B - b|</c> of pixel <paramref name="x"/> of the RGB24 row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Difference(ReadOnlySpan<byte> rgb, int x, (byte R, byte G, byte B) colour)
    {
        int o = x * 3;
        return Math.Abs(rgb[o] - colour.R) + Math.Abs(rgb[o + 1] - colour.G) + Math.Abs(rgb[o + 2] - colour.B);
    }

    /// <summary><c>into[x] = 1</c> where pixel x of the RGB24 row differs from <paramref name="colour"/> by more than
    /// <paramref name="tolerance"/> (<see cref="Difference"/>), else 0.</summary>
    public static void Exceeds(ReadOnlySpan<byte> rgb, (byte R, byte G, byte B) colour, int tolerance, Span<byte> into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rgb.Length, 3 * into.Length, nameof(rgb));
        int x = 0;
        if (UseVectors && tolerance is >= 0 and < 765)
        {
            ref byte s = ref MemoryMarshal.GetReference(rgb);
            ref byte d = ref MemoryMarshal.GetReference(into);
            var cr = Vector128.Create(colour.R);
            var cg = Vector128.Create(colour.G);
            var cb = Vector128.Create(colour.B);
            var limit = Vector128.Create((ushort)tolerance);
            var one = Vector128.Create((byte)1);
            for (; x + 16 <= into.Length; x += 16)
            {
                (Vector128<byte> r, Vector128<byte> g, Vector128<byte> b) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref s, 3 * x));
                (Vector128<ushort> rl, Vector128<ushort> rh) = Vector128.Widen(Vector128.Max(r, cr) - Vector128.Min(r, cr));
                (Vector128<ushort> gl, Vector128<ushort> gh) = Vector128.Widen(Vector128.Max(g, cg) - Vector128.Min(g, cg));
                (Vector128<ushort> bl, Vector128<ushort> bh) = Vector128.Widen(Vector128.Max(b, cb) - Vector128.Min(b, cb));
                Vector128<ushort> low = Vector128.GreaterThan(rl + gl + bl, limit);
                Vector128<ushort> high = Vector128.GreaterThan(rh + gh + bh, limit);
                (Vector128.Narrow(low, high) & one).StoreUnsafe(ref d, (nuint)x);
            }
        }

        ExceedsReference(rgb[(3 * x)..], colour, tolerance, into[x..]);
    }

    internal static void ExceedsReference(ReadOnlySpan<byte> rgb, (byte R, byte G, byte B) colour, int tolerance, Span<byte> into)
    {
        for (int x = 0; x < into.Length; x++)
        {
            into[x] = Difference(rgb, x, colour) > tolerance ? (byte)1 : (byte)0;
        }
    }
}
