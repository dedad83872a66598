using SocialCard.Faces.Kernels;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models;

/// <summary><c>&lt;prefix&gt;/depthwise_filter [3,3,cin,1]</c>, <c>pointwise_filter [1,1,cin,cout]</c>, <c>bias [cout]</c>.</summary>
internal sealed class SeparableConvWeights
{
    private SeparableConvWeights(int cin, int cout, float[] depthwise, float[] pointwise, float[] bias)
    {
        Cin = cin;
        Cout = cout;
        Depthwise = depthwise;
        Pointwise = pointwise;
        PointwisePanels = Gemm.Panels(pointwise, cin, cout);
        Bias = bias;
    }

    public int Cin { get; }

    public int Cout { get; }

    public float[] Depthwise { get; }

    public float[] Pointwise { get; }

    /// <summary><see cref="Pointwise"/> packed for the GEMM's 512-bit blocks (<see cref="Gemm.Panels"/>).</summary>
    public float[] PointwisePanels { get; }

    public float[] Bias { get; }

    public static SeparableConvWeights Take(WeightSet set, string prefix, int cin, int cout) => new(
        cin,
        cout,
        set.Take(prefix + "/depthwise_filter", 3, 3, cin, 1),
        set.Take(prefix + "/pointwise_filter", 1, 1, cin, cout),
        set.Take(prefix + "/bias", cout));
}
