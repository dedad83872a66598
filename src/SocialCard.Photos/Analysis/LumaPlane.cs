using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>
    /// Fixed-point BT.601 luma: (77 R + 150 G + 29 B + 128) >> 8. Dispatches to the widest accelerated kernel
    /// (<see cref="ComputeVector256"/>, <see cref="ComputeVector128"/>); all give the same bytes as <see cref="ComputeScalar"/>.
    /// </summary>
    internal static void Compute(ReadOnlySpan<byte> rgb, Span<byte> luma)
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
            Unsafe.Add(ref dst, i) = (byte)(((77 * p) + (150 * Unsafe.Add(ref p, 1)) + (29 * Unsafe.Add(ref p, 2)) + 128) >> 8);
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
            (Vector128<byte> r0, Vector128<byte> g0, Vector128<byte> b0) = Deinterleave(ref p);
            (Vector128<byte> r1, Vector128<byte> g1, Vector128<byte> b1) = Deinterleave(ref Unsafe.Add(ref p, 48));
            (Vector256<ushort> rl, Vector256<ushort> rh) = Vector256.Widen(Vector256.Create(r0, r1));
            (Vector256<ushort> gl, Vector256<ushort> gh) = Vector256.Widen(Vector256.Create(g0, g1));
            (Vector256<ushort> bl, Vector256<ushort> bh) = Vector256.Widen(Vector256.Create(b0, b1));
            Vector256<ushort> lo = ((rl * 77) + (gl * 150) + (bl * 29) + Vector256.Create((ushort)128)) >>> 8;
            Vector256<ushort> hi = ((rh * 77) + (gh * 150) + (bh * 29) + Vector256.Create((ushort)128)) >>> 8;
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
            (Vector128<byte> r, Vector128<byte> g, Vector128<byte> b) = Deinterleave(ref Unsafe.Add(ref src, i * 3));
            (Vector128<ushort> rl, Vector128<ushort> rh) = Vector128.Widen(r);
            (Vector128<ushort> gl, Vector128<ushort> gh) = Vector128.Widen(g);
            (Vector128<ushort> bl, Vector128<ushort> bh) = Vector128.Widen(b);
            Vector128<ushort> lo = ((rl * 77) + (gl * 150) + (bl * 29) + Vector128.Create((ushort)128)) >>> 8;
            Vector128<ushort> hi = ((rh * 77) + (gh * 150) + (bh * 29) + Vector128.Create((ushort)128)) >>> 8;
            Vector128.Narrow(lo, hi).StoreUnsafe(ref dst, (nuint)i);
        }

        ComputeScalar(rgb[(i * 3)..], luma[i..]);
    }

    /// <summary>Splits 16 RGB24 pixels (48 bytes from <paramref name="p"/>) into their R, G and B bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector128<byte> R, Vector128<byte> G, Vector128<byte> B) Deinterleave(ref byte p)
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
