namespace SocialCard.Photos.Analysis;

/// <summary>
/// Power spectrum of a <see cref="Size"/> x <see cref="Size"/> luma crop centred on the face (mean removed, Hann
/// window), computed once and shared by the periodicity (recapture) and cepstrum (ghost) measures. The crop starts on
/// the 8-pixel JPEG block grid so block artefacts land on frequencies that are multiples of Size/8.
/// </summary>
public static class FaceSpectrum
{
    public const int Size = 128;

    /// <summary>Per-thread imaginary scratch grid (only the power, in the real grid, outlives a call).</summary>
    [ThreadStatic]
    private static float[]? s_im;

    /// <summary>
    /// Row-major power |F(u,v)|^2 (index v * Size + u, frequencies wrap), or null when the image is too small. The array
    /// is rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> (exactly Size * Size long); the owner returns it.
    /// </summary>
    public static float[]? Compute(LumaPlane luma, PixelRect zone, Fft fft)
    {
        int n = Size;
        if (fft.Size != n || luma.Width < n || luma.Height < n)
        {
            return null;
        }

        int x0 = Math.Clamp(((int)zone.CentreX - (n / 2)) & ~7, 0, (luma.Width - n) & ~7);
        int y0 = Math.Clamp(((int)zone.CentreY - (n / 2)) & ~7, 0, (luma.Height - n) & ~7);
        float[] re = System.Buffers.ArrayPool<float>.Shared.Rent(n * n);
        float[] im = s_im ??= new float[n * n];
        Array.Clear(im);
        long sum = 0;
        for (int y = 0; y < n; y++)
        {
            ReadOnlySpan<byte> row = luma.Row(y0 + y).Slice(x0, n);
            Span<float> dst = re.AsSpan(y * n, n);
            for (int x = 0; x < n; x++)
            {
                dst[x] = row[x];
                sum += row[x];
            }
        }

        float mean = sum / (float)(n * n);
        for (int i = 0; i < n * n; i++)
        {
            re[i] -= mean;
        }

        Window.ApplyHann(re, n);
        fft.Transform2D(re, im, inverse: false);
        for (int i = 0; i < n * n; i++)
        {
            re[i] = (re[i] * re[i]) + (im[i] * im[i]);
        }

        return re;
    }
}
