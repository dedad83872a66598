using SocialCard.Imaging.Native;

namespace SocialCard.Imaging.Formats.Jpeg;

/// <summary>
/// Decodes JPEG (baseline, progressive, greyscale, YCbCr) to RGB through TurboJPEG. Decoder warnings (truncated scan,
/// corrupt data) are collected, not thrown: a damaged photo still yields pixels plus the warning that explains it.
/// </summary>
public static unsafe class JpegDecoder
{
    [ThreadStatic]
    private static IntPtr t_handle;

    /// <summary>Reads width and height without decoding pixels.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> data)
    {
        IntPtr handle = Handle();
        fixed (byte* src = data)
        {
            if (TurboJpegNative.DecompressHeader3(handle, src, (nuint)data.Length, out int width, out int height, out _, out _) != 0)
            {
                string message = TurboJpegNative.LastError(handle);
                ResetHandle();
                throw new InvalidImageContentException("JPEG 文件头无法读取 / JPEG header unreadable: " + message);
            }

            return (width, height);
        }
    }

    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options, List<string> warnings)
    {
        IntPtr handle = Handle();
        fixed (byte* src = data)
        {
            if (TurboJpegNative.DecompressHeader3(handle, src, (nuint)data.Length, out int width, out int height, out _, out _) != 0)
            {
                string message = TurboJpegNative.LastError(handle);
                ResetHandle();
                throw new InvalidImageContentException("JPEG 文件头无法读取 / JPEG header unreadable: " + message);
            }

            options.EnsureWithinPixelLimit(width, height);
            var image = new RgbImage(width, height);
            try
            {
                fixed (byte* dst = image.Pixels)
                {
                    int flags = TurboJpegNative.FlagAccurateDct | TurboJpegNative.FlagLimitScans;
                    int rc = TurboJpegNative.Decompress2(handle, src, (nuint)data.Length, dst, width, width * 3, height, TurboJpegNative.PixelFormatRgb, flags);
                    if (rc != 0)
                    {
                        string message = TurboJpegNative.LastError(handle);
                        bool fatal = TurboJpegNative.GetErrorCode(handle) != TurboJpegNative.ErrorWarning;

                        // TurboJPEG 2.x leaves the libjpeg state mid-stream after a failure (it longjmps out without
                        // aborting), so the next call on this handle would fail too: start a fresh one.
                        ResetHandle();
                        if (fatal)
                        {
                            throw new InvalidImageContentException("JPEG 解码失败 / JPEG decode failed: " + message);
                        }

                        warnings.Add(message);
                    }
                }

                return image;
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }
    }

    private static void ResetHandle()
    {
        IntPtr old = t_handle;
        t_handle = IntPtr.Zero;
        if (old != IntPtr.Zero)
        {
            _ = TurboJpegNative.Destroy(old);
        }
    }

    private static IntPtr Handle()
    {
        if (t_handle == IntPtr.Zero)
        {
            TurboJpegLibrary.EnsureAvailable();
            t_handle = TurboJpegNative.InitDecompress();
            if (t_handle == IntPtr.Zero)
            {
                throw new InvalidOperationException("tjInitDecompress failed.");
            }
        }

        return t_handle;
    }
}
