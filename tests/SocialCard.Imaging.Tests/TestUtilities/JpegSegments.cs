using System.Buffers.Binary;

namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>Builds and splices JPEG marker segments in test code (EXIF APP1, replacing APP0, editing SOF).</summary>
internal static class JpegSegments
{
    /// <summary>An APP1 EXIF segment with IFD0 holding orientation and optionally X/YResolution + ResolutionUnit.</summary>
    public static byte[] ExifApp1(int orientation, bool bigEndian = false, (uint Num, uint Den)? resolution = null, ushort resolutionUnit = 2)
    {
        var tiff = new List<byte>();
        void U16(int v)
        {
            Span<byte> b = stackalloc byte[2];
            if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); } else { BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); }
            tiff.AddRange(b.ToArray());
        }

        void U32(uint v)
        {
            Span<byte> b = stackalloc byte[4];
            if (bigEndian) { BinaryPrimitives.WriteUInt32BigEndian(b, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(b, v); }
            tiff.AddRange(b.ToArray());
        }

        tiff.AddRange(bigEndian ? "MM"u8.ToArray() : "II"u8.ToArray());
        U16(42);
        U32(8);
        int entries = resolution is null ? 1 : 4;
        U16(entries);
        uint dataOffset = (uint)(8 + 2 + (entries * 12) + 4);

        // Entries sorted by tag, as TIFF requires.
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        if (resolution is { } r)
        {
            U16(0x011A); U16(5); U32(1); U32(dataOffset);
            U16(0x011B); U16(5); U32(1); U32(dataOffset + 8);
            U16(0x0128); U16(3); U32(1); U16(resolutionUnit); U16(0);
        }

        U32(0); // next IFD
        if (resolution is { } rr)
        {
            U32(rr.Num); U32(rr.Den); U32(rr.Num); U32(rr.Den);
        }

        var segment = new List<byte> { 0xFF, 0xE1, 0, 0 };
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        int length = segment.Count - 2;
        segment[2] = (byte)(length >> 8);
        segment[3] = (byte)length;
        return [.. segment];
    }

    /// <summary>Inserts <paramref name="segment"/> right after SOI (and after APP0 when present).</summary>
    public static byte[] Insert(byte[] jpeg, byte[] segment, bool afterApp0 = true)
    {
        int at = 2;
        if (afterApp0 && jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + ((jpeg[4] << 8) | jpeg[5]);
        }

        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }

    /// <summary>Removes the APP0 segment right after SOI.</summary>
    public static byte[] WithoutApp0(byte[] jpeg)
    {
        Assert.True(jpeg[2] == 0xFF && jpeg[3] == 0xE0);
        int len = (jpeg[4] << 8) | jpeg[5];
        return [.. jpeg.AsSpan(0, 2), .. jpeg.AsSpan(4 + len)];
    }

    /// <summary>Offset of the first FFxx marker with the given code in the header part.</summary>
    public static int Find(byte[] jpeg, byte code)
    {
        int pos = 2;
        while (pos + 4 <= jpeg.Length && jpeg[pos] == 0xFF)
        {
            if (jpeg[pos + 1] == code)
            {
                return pos;
            }

            pos += 2 + ((jpeg[pos + 2] << 8) | jpeg[pos + 3]);
        }

        return -1;
    }

    /// <summary>Rewrites the frame size in the SOF segment (header only; the scan data stays as it was).</summary>
    public static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        byte[] copy = (byte[])jpeg.Clone();
        int sof = Find(copy, 0xC0);
        Assert.True(sof > 0, "no SOF0");
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 7), (ushort)width);
        return copy;
    }
}
