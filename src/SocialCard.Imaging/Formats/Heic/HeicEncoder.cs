using System.Runtime.InteropServices;
using SocialCard.Imaging.Native;

namespace SocialCard.Imaging.Formats.Heic;

/// <summary>
/// Writes HEIC through libheif's HEVC encoder plugin when the machine has one (Debian's libheif1 links x265).
/// Used to make test fixtures in-process; the product itself only reads HEIC.
/// </summary>
internal static unsafe class HeicEncoder
{
    /// <summary>True when libheif loads and offers an HEVC encoder.</summary>
    public static bool IsAvailable()
    {
        if (!HeifLibrary.IsAvailable)
        {
            return false;
        }

        IntPtr context = HeifNative.ContextAlloc();
        try
        {
            HeifError error = HeifNative.ContextGetEncoderForFormat(context, HeifNative.CompressionHevc, out IntPtr encoder);
            if (error.IsOk && encoder != IntPtr.Zero)
            {
                HeifNative.EncoderRelease(encoder);
                return true;
            }

            return false;
        }
        finally
        {
            HeifNative.ContextFree(context);
        }
    }

    public static byte[] Encode(RgbImage image, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        HeifLibrary.EnsureAvailable();
        IntPtr context = HeifNative.ContextAlloc();
        IntPtr encoder = IntPtr.Zero;
        IntPtr heifImage = IntPtr.Zero;
        var sink = new MemoryStream();
        GCHandle sinkHandle = GCHandle.Alloc(sink);
        try
        {
            Check(HeifNative.ContextGetEncoderForFormat(context, HeifNative.CompressionHevc, out encoder));
            Check(HeifNative.EncoderSetLossyQuality(encoder, quality));
            Check(HeifNative.ImageCreate(image.Width, image.Height, HeifNative.ColorspaceRgb, HeifNative.ChromaInterleavedRgb, out heifImage));
            Check(HeifNative.ImageAddPlane(heifImage, HeifNative.ChannelInterleaved, image.Width, image.Height, 8));
            byte* plane = HeifNative.ImageGetPlane(heifImage, HeifNative.ChannelInterleaved, out int stride);
            for (int y = 0; y < image.Height; y++)
            {
                image.Row(y).CopyTo(new Span<byte>(plane + ((long)y * stride), image.Stride));
            }

            Check(HeifNative.ContextEncodeImage(context, heifImage, encoder, IntPtr.Zero, IntPtr.Zero));
            var writer = new HeifWriter { WriterApiVersion = 1, Write = &WriteCallback };
            Check(HeifNative.ContextWrite(context, &writer, GCHandle.ToIntPtr(sinkHandle)));
            return sink.ToArray();
        }
        finally
        {
            sinkHandle.Free();
            if (heifImage != IntPtr.Zero)
            {
                HeifNative.ImageRelease(heifImage);
            }

            if (encoder != IntPtr.Zero)
            {
                HeifNative.EncoderRelease(encoder);
            }

            HeifNative.ContextFree(context);
            sink.Dispose();
        }
    }

    [UnmanagedCallersOnly]
    private static HeifError WriteCallback(IntPtr context, byte* data, nuint size, IntPtr userData)
    {
        var sink = (MemoryStream)GCHandle.FromIntPtr(userData).Target!;
        sink.Write(new ReadOnlySpan<byte>(data, checked((int)size)));
        return default;
    }

    private static void Check(HeifError error)
    {
        if (!error.IsOk)
        {
            throw new InvalidOperationException("HEIC 编码失败 / HEIC encode failed: " + error.Describe());
        }
    }
}
