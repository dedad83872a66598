using System.Buffers.Binary;

namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Reads HEIF/HEIC box structure in managed code (no libheif call, so damaged input cannot reach native code from the
/// inspector): primary item (pitm), its properties through ipma -> ipco: image size (ispe), bits per channel (pixi) and
/// rotation (irot). Width and height are reported after irot, i.e. as libheif decodes them.
/// </summary>
internal static class HeifInspector
{
    private const int MaxDepth = 8;

    public static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        var warnings = new List<string>();
        var state = new State();
        bool complete = WalkTop(data, warnings, state, out long consumed);
        (int w, int h, int bits, int channels, int rotation) = state.Primary();
        if (w == 0 || h == 0)
        {
            warnings.Add("HEIF 中没有找到主图像尺寸（ispe） / HEIF primary image size (ispe) not found.");
        }

        if (!state.SawMdat)
        {
            warnings.Add("HEIF 中没有媒体数据（mdat） / HEIF has no media data (mdat) box.");
        }

        bool swap = rotation is 1 or 3;
        return new ContainerInfo
        {
            Format = ImageFormat.Heic,
            Width = swap ? h : w,
            Height = swap ? w : h,
            Components = channels,
            BitsPerSample = bits,
            BitsPerPixel = bits * channels,
            HasEndMarker = complete,
            BytesAfterEnd = complete ? data.Length - consumed : 0,
            Warnings = warnings,
        };
    }

    private static bool WalkTop(ReadOnlySpan<byte> data, List<string> warnings, State state, out long consumed)
    {
        long pos = 0;
        while (pos < data.Length)
        {
            if (!TryBox(data, pos, out uint type, out long headerSize, out long size))
            {
                bool plausibleHeader = data.Length - pos >= 8 && size >= headerSize && IsFourcc(type);
                if (plausibleHeader || !state.SawMeta)
                {
                    warnings.Add($"HEIF 数据盒被截断或无效（偏移 {pos}） / HEIF box truncated or invalid at offset {pos}.");
                    consumed = pos;
                    return false;
                }

                warnings.Add($"HEIF 文件末尾有 {data.Length - pos} 字节无法识别的数据 / {data.Length - pos} unrecognised bytes at the end of the HEIF file.");
                consumed = pos; // trailing bytes that are not a box
                return true;
            }

            ReadOnlySpan<byte> body = data.Slice((int)(pos + headerSize), (int)(size - headerSize));
            if (type == Fourcc("meta"))
            {
                state.SawMeta = true;
                if (body.Length >= 4)
                {
                    WalkChildren(body[4..], warnings, state, 1);
                }
            }
            else if (type == Fourcc("mdat"))
            {
                state.SawMdat = true;
            }

            pos += size;
        }

        consumed = pos;
        return true;
    }

    private static void WalkChildren(ReadOnlySpan<byte> data, List<string> warnings, State state, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        long pos = 0;
        while (pos + 8 <= data.Length)
        {
            if (!TryBox(data, pos, out uint type, out long headerSize, out long size))
            {
                warnings.Add("HEIF 元数据盒被截断 / HEIF metadata box truncated.");
                return;
            }

            ReadOnlySpan<byte> body = data.Slice((int)(pos + headerSize), (int)(size - headerSize));
            if (type == Fourcc("pitm") && body.Length >= 6)
            {
                state.PrimaryItem = body[0] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(body[4..]) : (body.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(body[4..]) : 0);
            }
            else if (type == Fourcc("iprp"))
            {
                WalkChildren(body, warnings, state, depth + 1);
            }
            else if (type == Fourcc("ipco"))
            {
                ReadProperties(body, state);
            }
            else if (type == Fourcc("ipma"))
            {
                ReadAssociations(body, state);
            }

            pos += size;
        }
    }

    private static void ReadProperties(ReadOnlySpan<byte> data, State state)
    {
        long pos = 0;
        while (pos + 8 <= data.Length && TryBox(data, pos, out uint type, out long headerSize, out long size))
        {
            ReadOnlySpan<byte> body = data.Slice((int)(pos + headerSize), (int)(size - headerSize));
            var property = new Property(type, 0, 0, 0, 0, 0);
            if (type == Fourcc("ispe") && body.Length >= 12)
            {
                uint w = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                uint h = BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
                property = property with { Width = (int)Math.Min(w, int.MaxValue), Height = (int)Math.Min(h, int.MaxValue) };
            }
            else if (type == Fourcc("pixi") && body.Length >= 5)
            {
                int channels = body[4];
                int bits = channels > 0 && body.Length >= 5 + channels ? body[5] : 8;
                property = property with { Channels = channels, Bits = bits };
            }
            else if (type == Fourcc("irot") && body.Length >= 1)
            {
                property = property with { Rotation = body[0] & 3 };
            }

            state.Properties.Add(property);
            pos += size;
        }
    }

    private static void ReadAssociations(ReadOnlySpan<byte> data, State state)
    {
        if (data.Length < 8)
        {
            return;
        }

        int version = data[0];
        bool wideIndex = (data[3] & 1) != 0;
        uint count = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int pos = 8;
        for (uint e = 0; e < count; e++)
        {
            int idSize = version < 1 ? 2 : 4;
            if (pos + idSize + 1 > data.Length)
            {
                return;
            }

            uint item = version < 1 ? BinaryPrimitives.ReadUInt16BigEndian(data[pos..]) : BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            pos += idSize;
            int n = data[pos++];
            for (int k = 0; k < n; k++)
            {
                int index;
                if (wideIndex)
                {
                    if (pos + 2 > data.Length)
                    {
                        return;
                    }

                    index = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]) & 0x7FFF;
                    pos += 2;
                }
                else
                {
                    if (pos + 1 > data.Length)
                    {
                        return;
                    }

                    index = data[pos] & 0x7F;
                    pos++;
                }

                state.Associate(item, index);
            }
        }
    }

    private static bool TryBox(ReadOnlySpan<byte> data, long pos, out uint type, out long headerSize, out long size)
    {
        type = 0;
        headerSize = 8;
        size = 0;
        if (pos + 8 > data.Length)
        {
            return false;
        }

        long size32 = BinaryPrimitives.ReadUInt32BigEndian(data[(int)pos..]);
        type = BinaryPrimitives.ReadUInt32BigEndian(data[(int)(pos + 4)..]);
        if (size32 == 1)
        {
            if (pos + 16 > data.Length)
            {
                return false;
            }

            ulong large = BinaryPrimitives.ReadUInt64BigEndian(data[(int)(pos + 8)..]);
            headerSize = 16;
            size = large > (ulong)data.Length ? long.MaxValue : (long)large;
        }
        else
        {
            size = size32 == 0 ? data.Length - pos : size32;
        }

        return size >= headerSize && size <= data.Length - pos;
    }

    private static bool IsFourcc(uint type)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            uint c = (type >> shift) & 0xFF;
            if (c is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    private static uint Fourcc(string s) => ((uint)s[0] << 24) | ((uint)s[1] << 16) | ((uint)s[2] << 8) | s[3];

    private readonly record struct Property(uint Type, int Width, int Height, int Channels, int Bits, int Rotation);

    private sealed class State
    {
        public bool SawMeta { get; set; }

        public bool SawMdat { get; set; }

        public uint PrimaryItem { get; set; }

        public List<Property> Properties { get; } = [];

        private List<(uint Item, int Index)> Associations { get; } = [];

        public void Associate(uint item, int index) => Associations.Add((item, index));

        /// <summary>Properties of the primary item when pitm/ipma say which; else the largest ispe in the file.</summary>
        public (int W, int H, int Bits, int Channels, int Rotation) Primary()
        {
            int w = 0;
            int h = 0;
            int bits = 8;
            int channels = 3;
            int rotation = 0;
            bool found = false;
            foreach ((uint item, int index) in Associations)
            {
                if (item != PrimaryItem || index < 1 || index > Properties.Count)
                {
                    continue;
                }

                Property p = Properties[index - 1];
                if (p.Width > 0)
                {
                    (w, h, found) = (p.Width, p.Height, true);
                }
                else if (p.Channels > 0)
                {
                    (channels, bits) = (p.Channels, p.Bits);
                }
                else if (p.Type == Fourcc("irot"))
                {
                    rotation = p.Rotation;
                }
            }

            if (!found)
            {
                foreach (Property p in Properties)
                {
                    if ((long)p.Width * p.Height > (long)w * h)
                    {
                        (w, h) = (p.Width, p.Height);
                    }
                }
            }

            return (w, h, bits, channels, rotation);
        }
    }
}
