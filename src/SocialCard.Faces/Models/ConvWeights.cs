using SocialCard.Faces.Kernels;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models;

/// <summary><c>&lt;prefix&gt;/filters [k,k,cin,cout]</c> and <c>&lt;prefix&gt;/bias [cout]</c> (<see cref="Take"/>), or a
/// convolution with its per-channel scale layer folded in at load (<see cref="TakeScaled"/>).</summary>
internal sealed class ConvWeights
{
    private ConvWeights(int kernel, int cin, int cout, float[] filters, float[] bias)
    {
        Kernel = kernel;
        Cin = cin;
        Cout = cout;
        Filters = filters;
        Panels = kernel == 1 ? Gemm.Panels(filters, cin, cout) : [];
        Bias = bias;
    }

    public int Kernel { get; }

    public int Cin { get; }

    public int Cout { get; }

    public float[] Filters { get; }

    /// <summary>A 1x1 convolution's <see cref="Filters"/> packed for the GEMM's 512-bit blocks (<see cref="Gemm.Panels"/>);
    /// empty for larger kernels.</summary>
    public float[] Panels { get; }

    public float[] Bias { get; }

    public static ConvWeights Take(WeightSet set, string prefix, int kernel, int cin, int cout) => new(
        kernel,
        cin,
        cout,
        set.Take(prefix + "/filters", kernel, kernel, cin, cout),
        set.Take(prefix + "/bias", cout));

    /// <summary>
    /// A face-recognition conv layer: <c>&lt;prefix&gt;/conv/filters [k,k,cin,cout]</c> and <c>/conv/bias</c>, then the
    /// per-channel scale layer <c>/scale/weights</c>, <c>/scale/biases</c> (<c>(conv + bias) * w + b</c>), folded into one
    /// set of filters and biases: <c>filters * w</c>, <c>bias * w + b</c>.
    /// </summary>
    public static ConvWeights TakeScaled(WeightSet set, string prefix, int kernel, int cin, int cout)
    {
        float[] filters = set.Take(prefix + "/conv/filters", kernel, kernel, cin, cout);
        float[] bias = set.Take(prefix + "/conv/bias", cout);
        float[] scale = set.Take(prefix + "/scale/weights", cout);
        float[] shift = set.Take(prefix + "/scale/biases", cout);
        var folded = new float[filters.Length];
        for (int i = 0; i < filters.Length; i++)
        {
            folded[i] = filters[i] * scale[i % cout];
        }

        var foldedBias = new float[cout];
        for (int o = 0; o < cout; o++)
        {
            foldedBias[o] = (bias[o] * scale[o]) + shift[o];
        }

        return new ConvWeights(kernel, cin, cout, folded, foldedBias);
    }
}
