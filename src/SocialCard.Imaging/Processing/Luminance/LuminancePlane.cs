using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.Luminance;

/// <summary>
/// BT.601 luma Y = 0.299 R + 0.587 G + 0.114 B of every pixel (row-major), as float 0-255 or rounded bytes.
/// A Vector128/Vector256 path de-interleaves 8 pixels at a time with byte shuffles; the scalar loop is the
/// reference and both produce identical values (same operation order, no fused multiply-add).
/// </summary>
public static class LuminancePlane
{
    private const float Kr = 0.299f;
    private const float Kg = 0.587f;
    private const float Kb = 0.114f;

    public static void Extract(RgbImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        Extract(image.Pixels, destination, UseVectors);
    }

    public static void Extract(RgbImage image, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        Extract(image.Pixels, destination, UseVectors);
    }

    /// <summary>Mean luma of the whole image.</summary>
    public static double Mean(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        float[] plane = new float[image.PixelCount];
        Extract(image, plane);
        double sum = 0;
        foreach (float v in plane)
        {
            sum += v;
        }

        return sum / plane.Length;
    }

    internal static bool UseVectors => Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated;

    internal static void Extract(ReadOnlySpan<byte> rgb, Span<float> destination, bool useVectors)
    {
        int count = CheckLength(rgb, destination.Length);
        int i = useVectors ? ExtractVector(rgb, destination, count) : 0;
        for (; i < count; i++)
        {
            destination[i] = (Kr * rgb[i * 3]) + (Kg * rgb[(i * 3) + 1]) + (Kb * rgb[(i * 3) + 2]);
        }
    }

    internal static void Extract(ReadOnlySpan<byte> rgb, Span<byte> destination, bool useVectors)
    {
        int count = CheckLength(rgb, destination.Length);
        int i = 0;
        if (useVectors)
        {
            Span<float> block = stackalloc float[256];
            for (; i + 256 <= count; i += 256)
            {
                int done = ExtractVector(rgb.Slice(i * 3, 256 * 3), block, 256);
                for (int k = done; k < 256; k++)
                {
                    int p = (i + k) * 3;
                    block[k] = (Kr * rgb[p]) + (Kg * rgb[p + 1]) + (Kb * rgb[p + 2]);
                }

                ToBytes(block, destination.Slice(i, 256));
            }
        }

        for (; i < count; i++)
        {
            float y = (Kr * rgb[i * 3]) + (Kg * rgb[(i * 3) + 1]) + (Kb * rgb[(i * 3) + 2]);
            destination[i] = (byte)(y + 0.5f);
        }
    }

    private static int CheckLength(ReadOnlySpan<byte> rgb, int destinationLength)
    {
        int count = rgb.Length / 3;
        if (destinationLength < count)
        {
            throw new ArgumentException($"Destination holds {destinationLength} values, {count} needed.", nameof(destinationLength));
        }

        return count;
    }

    /// <summary>Processes whole groups of 8 pixels while a 16-byte load stays in bounds; returns pixels done.</summary>
    private static int ExtractVector(ReadOnlySpan<byte> rgb, Span<float> destination, int count)
    {
        // Shuffle masks pick bytes 0,3,6,9 (R), 1,4,7,10 (G), 2,5,8,11 (B) into the low byte of four int lanes;
        // index 0xFF is out of range and yields zero for the other three bytes of each lane.
        Vector128<byte> pickR = Vector128.Create((byte)0, 0xFF, 0xFF, 0xFF, 3, 0xFF, 0xFF, 0xFF, 6, 0xFF, 0xFF, 0xFF, 9, 0xFF, 0xFF, 0xFF);
        Vector128<byte> pickG = Vector128.Create((byte)1, 0xFF, 0xFF, 0xFF, 4, 0xFF, 0xFF, 0xFF, 7, 0xFF, 0xFF, 0xFF, 10, 0xFF, 0xFF, 0xFF);
        Vector128<byte> pickB = Vector128.Create((byte)2, 0xFF, 0xFF, 0xFF, 5, 0xFF, 0xFF, 0xFF, 8, 0xFF, 0xFF, 0xFF, 11, 0xFF, 0xFF, 0xFF);
        Vector256<float> kr = Vector256.Create(Kr);
        Vector256<float> kg = Vector256.Create(Kg);
        Vector256<float> kb = Vector256.Create(Kb);
        ref byte src = ref MemoryMarshal.GetReference(rgb);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        int i = 0;

        // The second 16-byte load of a group starts at byte 12 and ends at byte 28 of the 24-byte group.
        for (; i + 8 <= count && ((i * 3) + 28) <= rgb.Length; i += 8)
        {
            Vector128<byte> lo = Vector128.LoadUnsafe(ref src, (nuint)(i * 3));
            Vector128<byte> hi = Vector128.LoadUnsafe(ref src, (nuint)((i * 3) + 12));
            Vector256<float> r = Vector256.Create(Lanes(lo, pickR), Lanes(hi, pickR));
            Vector256<float> g = Vector256.Create(Lanes(lo, pickG), Lanes(hi, pickG));
            Vector256<float> b = Vector256.Create(Lanes(lo, pickB), Lanes(hi, pickB));
            Vector256<float> y = (kr * r) + (kg * g) + (kb * b);
            y.StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Lanes(Vector128<byte> bytes, Vector128<byte> pick) =>
        Vector128.ConvertToSingle(Vector128.Shuffle(bytes, pick).AsInt32());

    private static void ToBytes(ReadOnlySpan<float> values, Span<byte> target)
    {
        for (int k = 0; k < values.Length; k++)
        {
            target[k] = (byte)(values[k] + 0.5f);
        }
    }
}
