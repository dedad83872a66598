namespace SocialCard.Imaging.Native;

/// <summary>Checks once that libturbojpeg can be loaded, and says which Debian package provides it when it cannot.</summary>
internal static class TurboJpegLibrary
{
    private static readonly Lazy<string?> LoadError = new(Probe);

    internal static void EnsureAvailable()
    {
        string? error = LoadError.Value;
        if (error is not null)
        {
            throw new NativeLibraryMissingException(error);
        }
    }

    private static string? Probe()
    {
        if (System.Runtime.InteropServices.NativeLibrary.TryLoad(TurboJpegNative.LibraryName, typeof(TurboJpegLibrary).Assembly, null, out _))
        {
            return null;
        }

        return "缺少 JPEG 编解码库 libturbojpeg.so.0：请运行 ./setup.sh 或 `apt-get install libturbojpeg0`。 / " +
               "The JPEG codec library libturbojpeg.so.0 is missing: run ./setup.sh or `apt-get install libturbojpeg0`.";
    }
}
