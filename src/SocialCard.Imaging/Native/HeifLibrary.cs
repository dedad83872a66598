using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Native;

/// <summary>Checks once that libheif can be loaded, and says which Debian package provides it when it cannot.</summary>
internal static class HeifLibrary
{
    private static readonly Lazy<string?> LoadError = new(Probe);

    internal static bool IsAvailable => LoadError.Value is null;

    internal static void EnsureAvailable()
    {
        string? error = LoadError.Value;
        if (error is not null)
        {
            throw new NativeLibraryMissingException(error);
        }
    }

    internal static string MissingMessage(string libraryName) =>
        $"缺少 HEIC 解码库 {libraryName}：请运行 ./setup.sh 或 `apt-get install libheif1`。 / " +
        $"The HEIC codec library {libraryName} is missing: run ./setup.sh or `apt-get install libheif1`.";

    private static string? Probe() =>
        NativeLibrary.TryLoad(HeifNative.LibraryName, typeof(HeifLibrary).Assembly, null, out _) ? null : MissingMessage(HeifNative.LibraryName);
}
