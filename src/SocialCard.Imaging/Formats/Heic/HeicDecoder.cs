using SocialCard.Imaging.Native;

namespace SocialCard.Imaging.Formats.Heic;

/// <summary>
/// Decodes the primary image of a HEIC/HEIF file through libheif to RGB24 (alpha composited over white). libheif
/// applies the container's rotation and mirror properties (irot/imir) itself, so the pixels come out upright; EXIF
/// orientation inside HEIF is not applied again. The size is checked against the pixel limit before decoding.
/// </summary>
public static unsafe class HeicDecoder
{
    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        HeifLibrary.EnsureAvailable();
        IntPtr context = HeifNative.ContextAlloc();
        if (context == IntPtr.Zero)
        {
            throw new InvalidOperationException("heif_context_alloc failed.");
        }

        IntPtr handle = IntPtr.Zero;
        IntPtr heifImage = IntPtr.Zero;
        try
        {
            fixed (byte* src = data)
            {
                // "without copy": libheif reads from our buffer, which stays pinned until the context is freed below.
                Check(HeifNative.ContextReadFromMemoryWithoutCopy(context, src, (nuint)data.Length, IntPtr.Zero), "HEIC 文件结构无法读取 / HEIC container unreadable");
                Check(HeifNative.ContextGetPrimaryImageHandle(context, out handle), "HEIC 中没有主图像 / HEIC has no primary image");
                int width = HeifNative.ImageHandleGetWidth(handle);
                int height = HeifNative.ImageHandleGetHeight(handle);
                options.EnsureWithinPixelLimit(width, height);
                bool alpha = HeifNative.ImageHandleHasAlphaChannel(handle) != 0;
                Check(
                    HeifNative.DecodeImage(handle, out heifImage, HeifNative.ColorspaceRgb, alpha ? HeifNative.ChromaInterleavedRgba : HeifNative.ChromaInterleavedRgb, IntPtr.Zero),
                    "HEIC 解码失败 / HEIC decode failed");
                int w = HeifNative.ImageGetWidth(heifImage, HeifNative.ChannelInterleaved);
                int h = HeifNative.ImageGetHeight(heifImage, HeifNative.ChannelInterleaved);
                options.EnsureWithinPixelLimit(w, h);
                byte* plane = HeifNative.ImageGetPlaneReadonly(heifImage, HeifNative.ChannelInterleaved, out int stride);
                if (plane == null || stride < w * (alpha ? 4 : 3))
                {
                    throw new InvalidImageContentException("HEIC 解码结果没有像素平面 / HEIC decode produced no pixel plane.");
                }

                return Copy(plane, stride, w, h, alpha);
            }
        }
        finally
        {
            if (heifImage != IntPtr.Zero)
            {
                HeifNative.ImageRelease(heifImage);
            }

            if (handle != IntPtr.Zero)
            {
                HeifNative.ImageHandleRelease(handle);
            }

            HeifNative.ContextFree(context);
        }
    }

    private static RgbImage Copy(byte* plane, int stride, int width, int height, bool alpha)
    {
        var image = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            var src = new ReadOnlySpan<byte>(plane + ((long)y * stride), alpha ? width * 4 : width * 3);
            Span<byte> dst = image.Row(y);
            if (!alpha)
            {
                src.CopyTo(dst);
                continue;
            }

            for (int x = 0; x < width; x++)
            {
                int a = src[(x * 4) + 3];
                for (int c = 0; c < 3; c++)
                {
                    dst[(x * 3) + c] = (byte)(((src[(x * 4) + c] * a) + (255 * (255 - a)) + 127) / 255);
                }
            }
        }

        return image;
    }

    private static void Check(HeifError error, string what)
    {
        if (!error.IsOk)
        {
            throw new InvalidImageContentException($"{what}: {error.Describe()}");
        }
    }
}
