using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Native;

/// <summary>P/Invoke surface of libheif's C API (Debian package <c>libheif1</c>, 1.15 or later).</summary>
internal static unsafe partial class HeifNative
{
    internal const string LibraryName = "libheif.so.1";

    internal const int ColorspaceRgb = 1;          // heif_colorspace_RGB
    internal const int ChromaInterleavedRgb = 10;  // heif_chroma_interleaved_RGB
    internal const int ChromaInterleavedRgba = 11; // heif_chroma_interleaved_RGBA
    internal const int ChannelInterleaved = 10;    // heif_channel_interleaved
    internal const int CompressionHevc = 1;        // heif_compression_HEVC

    [LibraryImport(LibraryName, EntryPoint = "heif_get_version")]
    internal static partial IntPtr GetVersion();

    [LibraryImport(LibraryName, EntryPoint = "heif_context_alloc")]
    internal static partial IntPtr ContextAlloc();

    [LibraryImport(LibraryName, EntryPoint = "heif_context_free")]
    internal static partial void ContextFree(IntPtr context);

    [LibraryImport(LibraryName, EntryPoint = "heif_context_read_from_memory_without_copy")]
    internal static partial HeifError ContextReadFromMemoryWithoutCopy(IntPtr context, byte* memory, nuint size, IntPtr options);

    [LibraryImport(LibraryName, EntryPoint = "heif_context_get_primary_image_handle")]
    internal static partial HeifError ContextGetPrimaryImageHandle(IntPtr context, out IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_handle_release")]
    internal static partial void ImageHandleRelease(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_handle_get_width")]
    internal static partial int ImageHandleGetWidth(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_handle_get_height")]
    internal static partial int ImageHandleGetHeight(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_handle_has_alpha_channel")]
    internal static partial int ImageHandleHasAlphaChannel(IntPtr handle);

    [LibraryImport(LibraryName, EntryPoint = "heif_decode_image")]
    internal static partial HeifError DecodeImage(IntPtr handle, out IntPtr image, int colorspace, int chroma, IntPtr options);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_get_width")]
    internal static partial int ImageGetWidth(IntPtr image, int channel);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_get_height")]
    internal static partial int ImageGetHeight(IntPtr image, int channel);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_get_plane_readonly")]
    internal static partial byte* ImageGetPlaneReadonly(IntPtr image, int channel, out int stride);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_get_plane")]
    internal static partial byte* ImageGetPlane(IntPtr image, int channel, out int stride);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_release")]
    internal static partial void ImageRelease(IntPtr image);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_create")]
    internal static partial HeifError ImageCreate(int width, int height, int colorspace, int chroma, out IntPtr image);

    [LibraryImport(LibraryName, EntryPoint = "heif_image_add_plane")]
    internal static partial HeifError ImageAddPlane(IntPtr image, int channel, int width, int height, int bitDepth);

    [LibraryImport(LibraryName, EntryPoint = "heif_context_get_encoder_for_format")]
    internal static partial HeifError ContextGetEncoderForFormat(IntPtr context, int format, out IntPtr encoder);

    [LibraryImport(LibraryName, EntryPoint = "heif_encoder_release")]
    internal static partial void EncoderRelease(IntPtr encoder);

    [LibraryImport(LibraryName, EntryPoint = "heif_encoder_set_lossy_quality")]
    internal static partial HeifError EncoderSetLossyQuality(IntPtr encoder, int quality);

    [LibraryImport(LibraryName, EntryPoint = "heif_context_encode_image")]
    internal static partial HeifError ContextEncodeImage(IntPtr context, IntPtr image, IntPtr encoder, IntPtr options, IntPtr outHandle);

    [LibraryImport(LibraryName, EntryPoint = "heif_context_write")]
    internal static partial HeifError ContextWrite(IntPtr context, HeifWriter* writer, IntPtr userData);
}
