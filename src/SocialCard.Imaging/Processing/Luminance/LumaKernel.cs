using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.Luminance;

/// <summary>
/// The 8-bit luma kernel: <see cref="ComputeScalar"/> is the reference, <see cref="ComputeVector256"/> and
/// <see cref="ComputeVector128"/> give exactly its bytes, <see cref="Compute"/> picks the widest accelerated one.
/// </summary>
public static class LumaKernel
{
    /// <summary>
    /// Fixed-point BT.601 luma (<see cref="Bt601.LumaQ8"/>): (77 R + 150 G + 29 B + 128) >> 8. Dispatches to the widest accelerated kernel
    /// (<see cref="ComputeVector256"/>, <see cref="ComputeVector128"/>); all give the same bytes as <see cref="ComputeScalar"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> rgb, Span<byte> luma)
    {
        if (rgb.Length < luma.Length * 3)
        {
            throw new ArgumentException("RGB buffer shorter than three bytes per luma sample.", nameof(rgb));
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ComputeVector256(rgb, luma);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            ComputeVector128(rgb, luma);
        }
        else
        {
            ComputeScalar(rgb, luma);
        }
    }

    /// <summary>The reference: one pixel at a time. The caller guarantees three RGB bytes per luma sample.</summary>
    internal static void ComputeScalar(ReadOnlySpan<byte> rgb, Span<byte> luma)
    {
        ref byte src = ref MemoryMarshal.GetReference(rgb);
        ref byte dst = ref MemoryMarshal.GetReference(luma);
        for (int i = 0; i < luma.Length; i++)
        {
            ref byte p = ref Unsafe.Add(ref src, i * 3);
            Unsafe.Add(ref dst, i) = Bt601.LumaQ8(p, Unsafe.Add(ref p, 1), Unsafe.Add(ref p, 2));
        }
    }

    /// <summary>
    /// 32 pixels per step: the RGB24 bytes are split into R, G and B with 128-bit byte shuffles (two groups of 16), the
    /// weighted sum is formed on 16-bit lanes (at most 256 x 255 + 128 = 65408, no overflow), then narrowed. The tail
    /// goes to <see cref="ComputeVector128"/> and <see cref="ComputeScalar"/>.
    /// </summary>
    internal static void ComputeVector256(ReadOnlySpan<byte> rgb, Span<byte> luma)
    {
        ref byte src = ref MemoryMarshal.GetReference(rgb);
        ref byte dst = ref MemoryMarshal.GetReference(luma);
        int n = luma.Length;
        int i = 0;
        for (; i <= n - 32; i += 32)
        {
            ref byte p = ref Unsafe.Add(ref src, i * 3);
            (Vector128<byte> r0, Vector128<byte> g0, Vector128<byte> b0) = Rgb24Vectors.Deinterleave(ref p);
            (Vector128<byte> r1, Vector128<byte> g1, Vector128<byte> b1) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref p, 48));
            (Vector256<ushort> rl, Vector256<ushort> rh) = Vector256.Widen(Vector256.Create(r0, r1));
            (Vector256<ushort> gl, Vector256<ushort> gh) = Vector256.Widen(Vector256.Create(g0, g1));
            (Vector256<ushort> bl, Vector256<ushort> bh) = Vector256.Widen(Vector256.Create(b0, b1));
            Vector256<ushort> lo = ((rl * Bt601.RedQ8) + (gl * Bt601.GreenQ8) + (bl * Bt601.BlueQ8) + Vector256.Create((ushort)128)) >>> 8;
            Vector256<ushort> hi = ((rh * Bt601.RedQ8) + (gh * Bt601.GreenQ8) + (bh * Bt601.BlueQ8) + Vector256.Create((ushort)128)) >>> 8;
            Vector256.Narrow(lo, hi).StoreUnsafe(ref dst, (nuint)i);
        }

        ComputeVector128(rgb[(i * 3)..], luma[i..]);
    }

    /// <summary>16 pixels per step (as <see cref="ComputeVector256"/> on 128-bit lanes), scalar tail.</summary>
    internal static void ComputeVector128(ReadOnlySpan<byte> rgb, Span<byte> luma)
    {
        ref byte src = ref MemoryMarshal.GetReference(rgb);
        ref byte dst = ref MemoryMarshal.GetReference(luma);
        int n = luma.Length;
        int i = 0;
        for (; i <= n - 16; i += 16)
        {
            (Vector128<byte> r, Vector128<byte> g, Vector128<byte> b) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref src, i * 3));
            (Vector128<ushort> rl, Vector128<ushort> rh) = Vector128.Widen(r);
            (Vector128<ushort> gl, Vector128<ushort> gh) = Vector128.Widen(g);
            (Vector128<ushort> bl, Vector128<ushort> bh) = Vector128.Widen(b);
            Vector128<ushort> lo = ((rl * Bt601.RedQ8) + (gl * Bt601.GreenQ8) + (bl * Bt601.BlueQ8) + Vector128.Create((ushort)128)) >>> 8;
            Vector128<ushort> hi = ((rh * Bt601.RedQ8) + (gh * Bt601.GreenQ8) + (bh * Bt601.BlueQ8) + Vector128.Create((ushort)128)) >>> 8;
            Vector128.Narrow(lo, hi).StoreUnsafe(ref dst, (nuint)i);
        }

        ComputeScalar(rgb[(i * 3)..], luma[i..]);
    }
}
