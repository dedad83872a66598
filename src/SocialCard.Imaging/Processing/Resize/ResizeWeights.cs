namespace SocialCard.Imaging.Processing.Resize;

/// <summary>
/// Precomputed 1-D resampling weights: for every output index, the first source index and a fixed-width run of
/// normalised weights (zero-padded). Area averaging when the axis shrinks, bicubic or bilinear when it grows.
/// </summary>
internal sealed class ResizeWeights
{
    private ResizeWeights(int outputLength, int taps)
    {
        Start = new int[outputLength];
        Taps = taps;
        Values = new float[outputLength * taps];
    }

    /// <summary>First source index of each output sample.</summary>
    public int[] Start { get; }

    /// <summary>Weights per output sample (row-major, <see cref="Taps"/> each).</summary>
    public float[] Values { get; }

    public int Taps { get; }

    public static ResizeWeights Create(int sourceLength, int outputLength, UpscaleFilter filter)
    {
        if (outputLength == sourceLength)
        {
            var identity = new ResizeWeights(outputLength, 1);
            for (int i = 0; i < outputLength; i++)
            {
                identity.Start[i] = i;
                identity.Values[i] = 1f;
            }

            return identity;
        }

        return outputLength < sourceLength ? Area(sourceLength, outputLength) : Interpolate(sourceLength, outputLength, filter);
    }

    /// <summary>Output i covers source [i*s, (i+1)*s); each source pixel weighs by its overlap with that interval.</summary>
    private static ResizeWeights Area(int sourceLength, int outputLength)
    {
        double scale = (double)sourceLength / outputLength;
        int taps = Math.Min(sourceLength, (int)Math.Ceiling(scale) + 1);
        var w = new ResizeWeights(outputLength, taps);
        double[] tmp = new double[taps];
        for (int i = 0; i < outputLength; i++)
        {
            double from = i * scale;
            double to = Math.Min(sourceLength, (i + 1) * scale);
            int first = (int)Math.Floor(from);
            int start = Math.Min(first, sourceLength - taps); // the window [start, start + taps) stays inside the source
            w.Start[i] = start;
            double total = 0;
            for (int k = 0; k < taps; k++)
            {
                int j = start + k;
                double overlap = Math.Min(to, j + 1) - Math.Max(from, j);
                tmp[k] = j < sourceLength && overlap > 0 ? overlap : 0;
                total += tmp[k];
            }

            for (int k = 0; k < taps; k++)
            {
                w.Values[(i * taps) + k] = (float)(tmp[k] / total);
            }
        }

        return w;
    }

    private static ResizeWeights Interpolate(int sourceLength, int outputLength, UpscaleFilter filter)
    {
        int taps = filter == UpscaleFilter.Bilinear ? 2 : 4;
        int reach = taps / 2; // samples on each side of the centre
        double scale = (double)sourceLength / outputLength;
        var w = new ResizeWeights(outputLength, Math.Min(taps, sourceLength));
        int stored = w.Taps;
        double[] acc = new double[stored];
        for (int i = 0; i < outputLength; i++)
        {
            double centre = ((i + 0.5) * scale) - 0.5;
            int baseIndex = (int)Math.Floor(centre);
            int start = Math.Clamp(baseIndex - reach + 1, 0, sourceLength - stored);
            w.Start[i] = start;
            Array.Clear(acc);
            for (int k = 0; k < taps; k++)
            {
                int j = baseIndex - reach + 1 + k;
                double weight = filter == UpscaleFilter.Bilinear ? Math.Max(0, 1 - Math.Abs(centre - j)) : Cubic(centre - j);

                // Edge pixels repeat: a tap outside the image lends its weight to the nearest inside sample.
                int clamped = Math.Clamp(j, 0, sourceLength - 1);
                acc[clamped - start] += weight;
            }

            double total = 0;
            foreach (double a in acc)
            {
                total += a;
            }

            for (int k = 0; k < stored; k++)
            {
                w.Values[(i * stored) + k] = (float)(acc[k] / total);
            }
        }

        return w;
    }

    /// <summary>Keys cubic convolution kernel, a = -0.5.</summary>
    private static double Cubic(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (x < 1)
        {
            return (((a + 2) * x) - (a + 3)) * x * x + 1;
        }

        if (x < 2)
        {
            return ((((a * x) - (5 * a)) * x) + (8 * a)) * x - (4 * a);
        }

        return 0;
    }
}
