using System.Buffers.Binary;
using SocialCard.Imaging.Native;

namespace SocialCard.Imaging.Formats.Jpeg;

/// <summary>
/// Encodes baseline (sequential, Huffman; progressive on request) JPEG through TurboJPEG's tjCompress2, then makes the JFIF APP0 carry the
/// requested density in dots per inch (TurboJPEG writes unit 0, 1:1). Thread-safe: one compressor handle per thread.
/// </summary>
public static unsafe class JpegEncoder
{
    private const int SubsamplingGray = 3; // TJSAMP_GRAY

    [ThreadStatic]
    private static IntPtr t_handle;

    // TurboJPEG 2.1 keeps the progressive scan script in the handle: a baseline encode after a progressive one on the
    // same handle comes out progressive (and different). Progressive encodes therefore get their own handle.
    [ThreadStatic]
    private static IntPtr t_progressiveHandle;

    /// <summary>JFIF APP0 as written here: FFE0, length 16, "JFIF\0", version 1.01, unit, X/Y density, no thumbnail.</summary>
    private static ReadOnlySpan<byte> App0Template => [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00];

    public static byte[] Encode(RgbImage image, JpegEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Encode(image.Pixels, image.Width, image.Height, TurboJpegNative.PixelFormatRgb, 3, options ?? JpegEncoderOptions.Default);
    }

    /// <summary>Encodes an 8-bit greyscale plane (stride = width) as a 1-component JPEG.</summary>
    public static byte[] EncodeGray(ReadOnlySpan<byte> gray, int width, int height, JpegEncoderOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (gray.Length < (long)width * height)
        {
            throw new ArgumentException($"Expected {width * height} grey bytes, got {gray.Length}.", nameof(gray));
        }

        JpegEncoderOptions o = options ?? JpegEncoderOptions.Default;
        o = o.Grayscale ? o : new JpegEncoderOptions { Quality = o.Quality, DensityDpi = o.DensityDpi, Subsampling = o.Subsampling, Progressive = o.Progressive, Grayscale = true };
        return Encode(gray, width, height, TurboJpegNative.PixelFormatGray, 1, o);
    }

    private static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int pixelFormat, int bytesPerPixel, JpegEncoderOptions options)
    {
        options.Validate();
        IntPtr handle = Handle(options.Progressive);
        IntPtr jpeg = IntPtr.Zero;
        nuint size = 0;
        int subsampling = options.Grayscale ? SubsamplingGray : (int)options.Subsampling;
        try
        {
            fixed (byte* src = pixels)
            {
                int flags = TurboJpegNative.FlagAccurateDct | (options.Progressive ? TurboJpegNative.FlagProgressive : 0);
                int rc = TurboJpegNative.Compress2(handle, src, width, width * bytesPerPixel, height, pixelFormat, ref jpeg, ref size, subsampling, options.Quality, flags);
                if (rc != 0)
                {
                    string message = TurboJpegNative.LastError(handle);

                    // A failed compressor is not reused (see JpegDecoder).
                    if (options.Progressive)
                    {
                        t_progressiveHandle = IntPtr.Zero;
                    }
                    else
                    {
                        t_handle = IntPtr.Zero;
                    }

                    _ = TurboJpegNative.Destroy(handle);
                    throw new InvalidOperationException("JPEG 编码失败 / JPEG encode failed: " + message);
                }
            }

            var encoded = new ReadOnlySpan<byte>((void*)jpeg, checked((int)size));
            return WithDensity(encoded, options.DensityDpi);
        }
        finally
        {
            if (jpeg != IntPtr.Zero)
            {
                TurboJpegNative.Free(jpeg);
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="jpeg"/> with its JFIF APP0 set to unit 1 (dpi) and the given density; when the stream has
    /// no JFIF APP0 right after SOI, one is inserted there.
    /// </summary>
    internal static byte[] WithDensity(ReadOnlySpan<byte> jpeg, int dpi)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new InvalidOperationException("TurboJPEG output does not start with SOI.");
        }

        bool hasJfif = jpeg.Length >= 20 && jpeg[2] == 0xFF && jpeg[3] == 0xE0 &&
                       BinaryPrimitives.ReadUInt16BigEndian(jpeg[4..]) >= 16 && jpeg.Slice(6, 5).SequenceEqual("JFIF\0"u8);
        byte[] result;
        int app0;
        if (hasJfif)
        {
            result = jpeg.ToArray();
            app0 = 2;
        }
        else
        {
            result = new byte[jpeg.Length + App0Template.Length];
            jpeg[..2].CopyTo(result);
            App0Template.CopyTo(result.AsSpan(2));
            jpeg[2..].CopyTo(result.AsSpan(2 + App0Template.Length));
            app0 = 2;
        }

        // FFE0 len(2) "JFIF\0"(5) version(2) | unit @ +11 | Xdensity @ +12 | Ydensity @ +14
        result[app0 + 11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(app0 + 12), (ushort)dpi);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(app0 + 14), (ushort)dpi);
        return result;
    }

    private static IntPtr Handle(bool progressive)
    {
        ref IntPtr slot = ref progressive ? ref t_progressiveHandle : ref t_handle;
        if (slot == IntPtr.Zero)
        {
            TurboJpegLibrary.EnsureAvailable();
            slot = TurboJpegNative.InitCompress();
            if (slot == IntPtr.Zero)
            {
                throw new InvalidOperationException("tjInitCompress failed.");
            }
        }

        return slot;
    }
}
