namespace SocialCard.Faces.Models.TinyFaceDetector;

/// <summary>
/// Grid -> boxes exactly as face-api's TinyYolov2 <c>extractBoxes</c> + <c>nonMaxSuppression</c>: sigmoid scores over
/// the threshold, anchor-scaled boxes corrected for the bottom/right padding, then NMS on the relative boxes x S
/// (IoU without +1, suppress when IoU &gt; 0.4; stable ascending sort by score, pick from the end).
/// </summary>
internal static class TinyFaceDetectorDecoder
{
    public const double IouThreshold = 0.4;
    public const int Anchors = 5;

    private static readonly double[] s_anchorW = [1.603231, 6.041143, 2.882459, 4.266906, 9.041765];
    private static readonly double[] s_anchorH = [2.094468, 7.080126, 3.518061, 5.178857, 10.66308];

    /// <summary>
    /// Decodes <paramref name="grid"/> into <paramref name="kept"/> (highest score first); <paramref name="candidates"/>
    /// and <paramref name="order"/> are scratch of length g*g*5. Returns the number kept.
    /// </summary>
    public static int Decode(
        ReadOnlySpan<float> grid, int g, int inputSize, int imageWidth, int imageHeight, double scoreThreshold,
        Span<DetectionCandidate> candidates, Span<int> order, Span<DetectionCandidate> kept)
    {
        double scale = (double)inputSize / Math.Max(imageWidth, imageHeight);
        double reshapedW = Math.Floor((imageWidth * scale) + 0.5);
        double reshapedH = Math.Floor((imageHeight * scale) + 0.5);
        double cx = inputSize / reshapedW;
        double cy = inputSize / reshapedH;

        int count = 0;
        for (int row = 0; row < g; row++)
        {
            for (int col = 0; col < g; col++)
            {
                for (int a = 0; a < Anchors; a++)
                {
                    int o = (((row * g) + col) * Anchors * 5) + (a * 5);
                    double score = Sigmoid(grid[o + 4]);
                    if (!(score > scoreThreshold))
                    {
                        continue;
                    }

                    double ctX = (col + Sigmoid(grid[o])) / g * cx;
                    double ctY = (row + Sigmoid(grid[o + 1])) / g * cy;
                    double bw = Math.Exp(grid[o + 2]) * s_anchorW[a] / g * cx;
                    double bh = Math.Exp(grid[o + 3]) * s_anchorH[a] / g * cy;
                    candidates[count++] = new DetectionCandidate(ctX - (bw / 2), ctY - (bh / 2), bw, bh, score);
                }
            }
        }

        // Stable ascending sort of indices by score (insertion sort: few candidates pass the threshold).
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (int i = 1; i < count; i++)
        {
            int idx = order[i];
            double s = candidates[idx].Score;
            int j = i - 1;
            while (j >= 0 && candidates[order[j]].Score > s)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = idx;
        }

        int remaining = count;
        int keptCount = 0;
        while (remaining > 0)
        {
            int current = order[--remaining];
            DetectionCandidate best = candidates[current];
            kept[keptCount++] = best;
            int write = 0;
            for (int i = 0; i < remaining; i++)
            {
                if (Iou(best, candidates[order[i]], inputSize) <= IouThreshold)
                {
                    order[write++] = order[i];
                }
            }

            remaining = write;
        }

        return keptCount;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private static double Iou(DetectionCandidate a, DetectionCandidate b, int size)
    {
        double ax = a.X * size, ay = a.Y * size, aw = a.Width * size, ah = a.Height * size;
        double bx = b.X * size, by = b.Y * size, bw = b.Width * size, bh = b.Height * size;
        double iw = Math.Max(0, Math.Min(ax + aw, bx + bw) - Math.Max(ax, bx));
        double ih = Math.Max(0, Math.Min(ay + ah, by + bh) - Math.Max(ay, by));
        double inter = iw * ih;
        return inter / ((aw * ah) + (bw * bh) - inter);
    }
}
