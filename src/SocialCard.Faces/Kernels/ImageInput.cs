using SocialCard.Imaging;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// The networks' input, exactly as face-api builds it from an int32 image tensor: take a pixel rectangle, pad it to a
/// square with zeros (<c>padToSquare</c>: <c>after = round(diff * (center ? 0.5 : 1))</c>, <c>before = diff - after</c>,
/// on the short axis), resize bilinearly to <c>size x size</c> (tfjs <c>resizeBilinear</c>, alignCorners and
/// halfPixelCenters false, computed in double and stored as float32; skipped when the square already has that size),
/// then <c>(v - mean[c]) / 255</c> in float32. Output is HWC float32.
/// </summary>
internal static class ImageInput
{
    public const int MaxSize = 1024;

    public static void Prepare(
        RgbImage image, int cropX, int cropY, int cropW, int cropH, bool center, int size,
        float meanR, float meanG, float meanB, Span<float> dst)
    {
        if (cropW <= 0 || cropH <= 0 || cropX < 0 || cropY < 0 || cropX + cropW > image.Width || cropY + cropH > image.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(cropX), "Crop rectangle must lie inside the image.");
        }

        if (size <= 0 || size > MaxSize || dst.Length < size * size * 3)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }

        int side = Math.Max(cropW, cropH);
        int diff = Math.Abs(cropH - cropW);
        int after = (int)Math.Floor((diff * (center ? 0.5 : 1.0)) + 0.5); // JS Math.round: .5 rounds up
        int before = diff - after;
        int padTop = cropH < cropW ? before : 0;
        int padLeft = cropW < cropH ? before : 0;

        ReadOnlySpan<byte> pixels = image.Pixels;
        int stride = image.Stride;
        var source = new PaddedSource(pixels, stride, cropX, cropY, cropW, cropH, padTop, padLeft);

        if (side == size)
        {
            for (int r = 0; r < size; r++)
            {
                for (int c = 0; c < size; c++)
                {
                    int o = ((r * size) + c) * 3;
                    dst[o] = (source.Get(r, c, 0) - meanR) / 255f;
                    dst[o + 1] = (source.Get(r, c, 1) - meanG) / 255f;
                    dst[o + 2] = (source.Get(r, c, 2) - meanB) / 255f;
                }
            }

            return;
        }

        double ratio = (double)side / size;
        Span<int> c0s = stackalloc int[size]; // byte offset of the source pixel in its row, or -1 in the padding
        Span<int> c1s = stackalloc int[size];
        Span<double> cfs = stackalloc double[size];
        for (int c = 0; c < size; c++)
        {
            double src = ratio * c;
            int c0 = (int)Math.Floor(src);
            int c1 = Math.Min(side - 1, (int)Math.Ceiling(src));
            c0s[c] = ColumnOffset(c0 - padLeft, cropX, cropW);
            c1s[c] = ColumnOffset(c1 - padLeft, cropX, cropW);
            cfs[c] = src - c0;
        }

        Span<double> means = [meanR, meanG, meanB];
        for (int r = 0; r < size; r++)
        {
            double srcR = ratio * r;
            int r0 = (int)Math.Floor(srcR);
            int r1 = Math.Min(side - 1, (int)Math.Ceiling(srcR));
            double fr = srcR - r0;
            ReadOnlySpan<byte> row0 = SourceRow(pixels, stride, r0 - padTop, cropY, cropH);
            ReadOnlySpan<byte> row1 = SourceRow(pixels, stride, r1 - padTop, cropY, cropH);
            Span<float> dstRow = dst.Slice(r * size * 3, size * 3);
            for (int c = 0; c < size; c++)
            {
                int c0 = c0s[c];
                int c1 = c1s[c];
                double fc = cfs[c];
                for (int ch = 0; ch < 3; ch++)
                {
                    double tl = Pixel(row0, c0, ch), tr = Pixel(row0, c1, ch);
                    double bl = Pixel(row1, c0, ch), br = Pixel(row1, c1, ch);
                    double top = tl + ((tr - tl) * fc);
                    double bot = bl + ((br - bl) * fc);
                    float v = (float)(top + ((bot - top) * fr));
                    dstRow[(c * 3) + ch] = (v - (float)means[ch]) / 255f;
                }
            }
        }
    }

    private static int ColumnOffset(int x, int cropX, int cropW) => (uint)x < (uint)cropW ? (cropX + x) * 3 : -1;

    private static ReadOnlySpan<byte> SourceRow(ReadOnlySpan<byte> pixels, int stride, int y, int cropY, int cropH) =>
        (uint)y < (uint)cropH ? pixels.Slice((cropY + y) * stride, stride) : default;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Pixel(ReadOnlySpan<byte> row, int offset, int channel) =>
        offset < 0 || row.IsEmpty ? 0 : row[offset + channel];

    /// <summary>A pixel of the zero-padded square built around the crop.</summary>
    private readonly ref struct PaddedSource
    {
        private readonly ReadOnlySpan<byte> _pixels;
        private readonly int _stride;
        private readonly int _x0;
        private readonly int _y0;
        private readonly int _w;
        private readonly int _h;
        private readonly int _padTop;
        private readonly int _padLeft;

        public PaddedSource(ReadOnlySpan<byte> pixels, int stride, int x0, int y0, int w, int h, int padTop, int padLeft)
        {
            _pixels = pixels;
            _stride = stride;
            _x0 = x0;
            _y0 = y0;
            _w = w;
            _h = h;
            _padTop = padTop;
            _padLeft = padLeft;
        }

        public float Get(int row, int col, int channel)
        {
            int y = row - _padTop;
            int x = col - _padLeft;
            if ((uint)y >= (uint)_h || (uint)x >= (uint)_w)
            {
                return 0f;
            }

            return _pixels[((_y0 + y) * _stride) + ((_x0 + x) * 3) + channel];
        }
    }
}
