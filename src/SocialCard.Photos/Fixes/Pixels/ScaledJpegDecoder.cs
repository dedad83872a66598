using System.Runtime.InteropServices;
using SocialCard.Imaging;

namespace SocialCard.Photos.Fixes.Pixels;

/// <summary>
/// Decodes a JPEG straight to a reduced size with libjpeg-turbo's DCT scaling (1/2, 1/4, 1/8): a 12 MP photo is
/// decoded at 1/4 in a fraction of the full decode's time, which is what lets the fix work at output scale early.
/// Private to the fix pipeline (SocialCard.Imaging's decoder has no scaled decode); other formats go through
/// <see cref="ImageDecoder"/>.
/// </summary>
internal static unsafe partial class ScaledJpegDecoder
{
    private const string Library = "libturbojpeg.so.0";

    [ThreadStatic]
    private static IntPtr t_handle;

    /// <summary>Decodes <paramref name="data"/> at 1/<paramref name="denominator"/> (1, 2, 4 or 8).</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, int denominator, List<string> warnings)
    {
        IntPtr handle = Handle();
        fixed (byte* src = data)
        {
            if (DecompressHeader3(handle, src, (nuint)data.Length, out int width, out int height, out _, out _) != 0)
            {
                throw new InvalidImageContentException("JPEG 文件头无法读取 / JPEG header unreadable.");
            }

            int w = (width + denominator - 1) / denominator, h = (height + denominator - 1) / denominator;
            var image = new RgbImage(w, h);
            try
            {
                fixed (byte* dst = image.Pixels)
                {
                    const int AccurateDct = 4096, LimitScans = 32768;
                    int rc = Decompress2(handle, src, (nuint)data.Length, dst, w, w * 3, h, 0, AccurateDct | LimitScans);
                    if (rc != 0)
                    {
                        string message = Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown";
                        if (GetErrorCode(handle) != 0)
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

    /// <summary>Width and height of the JPEG without decoding.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> data)
    {
        IntPtr handle = Handle();
        fixed (byte* src = data)
        {
            return DecompressHeader3(handle, src, (nuint)data.Length, out int width, out int height, out _, out _) != 0
                ? throw new InvalidImageContentException("JPEG 文件头无法读取 / JPEG header unreadable.")
                : (width, height);
        }
    }

    private static IntPtr Handle()
    {
        if (t_handle == IntPtr.Zero)
        {
            t_handle = InitDecompress();
            if (t_handle == IntPtr.Zero)
            {
                throw new InvalidOperationException("tjInitDecompress failed.");
            }
        }

        return t_handle;
    }

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    private static partial IntPtr InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    private static partial int DecompressHeader3(IntPtr handle, byte* jpegBuf, nuint jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    private static partial int Decompress2(IntPtr handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    private static partial IntPtr GetErrorStr2(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    private static partial int GetErrorCode(IntPtr handle);
}
