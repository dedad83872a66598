using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Native;

/// <summary>
/// P/Invoke surface of libjpeg-turbo's TurboJPEG 2.x API (Debian package <c>libturbojpeg0</c>).
/// The library is resolved by name at first use; <see cref="TurboJpegLibrary"/> turns a missing library into a clear error.
/// </summary>
internal static unsafe partial class TurboJpegNative
{
    internal const string LibraryName = "libturbojpeg.so.0";

    internal const int PixelFormatRgb = 0;   // TJPF_RGB
    internal const int PixelFormatGray = 6;  // TJPF_GRAY

    internal const int FlagAccurateDct = 4096;      // TJFLAG_ACCURATEDCT
    internal const int FlagStopOnWarning = 8192;    // TJFLAG_STOPONWARNING
    internal const int FlagProgressive = 16384;     // TJFLAG_PROGRESSIVE
    internal const int FlagLimitScans = 32768;      // TJFLAG_LIMITSCANS

    internal const int ErrorWarning = 0;            // TJERR_WARNING

    [LibraryImport(LibraryName, EntryPoint = "tjInitDecompress")]
    internal static partial IntPtr InitDecompress();

    [LibraryImport(LibraryName, EntryPoint = "tjInitCompress")]
    internal static partial IntPtr InitCompress();

    [LibraryImport(LibraryName, EntryPoint = "tjDestroy")]
    internal static partial int Destroy(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "tjDecompressHeader3")]
    internal static partial int DecompressHeader3(IntPtr handle, byte* jpegBuf, nuint jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(LibraryName, EntryPoint = "tjDecompress2")]
    internal static partial int Decompress2(IntPtr handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(LibraryName, EntryPoint = "tjCompress2")]
    internal static partial int Compress2(IntPtr handle, byte* srcBuf, int width, int pitch, int height, int pixelFormat, ref IntPtr jpegBuf, ref nuint jpegSize, int subsampling, int quality, int flags);

    [LibraryImport(LibraryName, EntryPoint = "tjFree")]
    internal static partial void Free(IntPtr buffer);

    [LibraryImport(LibraryName, EntryPoint = "tjGetErrorStr2")]
    internal static partial IntPtr GetErrorStr2(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "tjGetErrorCode")]
    internal static partial int GetErrorCode(IntPtr handle);

    internal static string LastError(IntPtr handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}
