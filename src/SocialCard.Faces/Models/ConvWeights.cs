using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models;

/// <summary><c>&lt;prefix&gt;/filters [k,k,cin,cout]</c> and <c>&lt;prefix&gt;/bias [cout]</c>.</summary>
internal sealed class ConvWeights
{
    private ConvWeights(int kernel, int cin, int cout, float[] filters, float[] bias)
    {
        Kernel = kernel;
        Cin = cin;
        Cout = cout;
        Filters = filters;
        Bias = bias;
    }

    public int Kernel { get; }

    public int Cin { get; }

    public int Cout { get; }

    public float[] Filters { get; }

    public float[] Bias { get; }

    public static ConvWeights Take(WeightSet set, string prefix, int kernel, int cin, int cout) => new(
        kernel,
        cin,
        cout,
        set.Take(prefix + "/filters", kernel, kernel, cin, cout),
        set.Take(prefix + "/bias", cout));
}
