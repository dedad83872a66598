namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Grey-guide guided filter (He, Sun, Tang 2010): the output is locally a linear function of the guide, so a hard mask
/// filtered with a guide that separates person and wall becomes a soft matte whose transitions follow the guide's
/// edges (hair strands keep partial opacity instead of a blocky cut-out).
/// </summary>
internal static class GuidedFilter
{
    public static float[] Filter(float[] guide, float[] input, int width, int height, int radius, float eps)
    {
        int n = guide.Length;
        float[] meanI = new float[n], meanP = new float[n], corrIp = new float[n], corrII = new float[n];
        float[] ip = new float[n], ii = new float[n];
        for (int i = 0; i < n; i++)
        {
            ip[i] = guide[i] * input[i];
            ii[i] = guide[i] * guide[i];
        }

        BoxFilter.Mean(guide, meanI, width, height, radius);
        BoxFilter.Mean(input, meanP, width, height, radius);
        BoxFilter.Mean(ip, corrIp, width, height, radius);
        BoxFilter.Mean(ii, corrII, width, height, radius);
        float[] a = ip, b = ii; // reuse
        for (int i = 0; i < n; i++)
        {
            float varI = corrII[i] - (meanI[i] * meanI[i]);
            float covIp = corrIp[i] - (meanI[i] * meanP[i]);
            a[i] = covIp / (varI + eps);
            b[i] = meanP[i] - (a[i] * meanI[i]);
        }

        BoxFilter.Mean(a, meanI, width, height, radius);
        BoxFilter.Mean(b, meanP, width, height, radius);
        float[] q = corrIp;
        for (int i = 0; i < n; i++)
        {
            q[i] = (meanI[i] * guide[i]) + meanP[i];
        }

        return q;
    }
}
