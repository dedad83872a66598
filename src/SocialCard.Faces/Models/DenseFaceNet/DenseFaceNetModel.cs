using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models.DenseFaceNet;

/// <summary>
/// The dense-block backbone shared by face_landmark_68 (4 blocks of 4 convs, fc 256->136), face_landmark_68_tiny
/// (3 blocks of 3 convs, fc 128->136) and face_expression (as the 68 net, fc 256->7). Input 112x112x3.
/// Block 0 starts with a full 3x3 stride-2 conv, later blocks with a stride-2 separable conv; inner convs are stride 1.
/// </summary>
internal sealed class DenseFaceNetModel
{
    public const int InputSize = 112;

    private DenseFaceNetModel(
        string name, ConvWeights firstConv, SeparableConvWeights[][] blocks, float[] fcWeights, float[] fcBias, int fcOut)
    {
        Name = name;
        FirstConv = firstConv;
        Blocks = blocks;
        FcWeights = fcWeights;
        FcBias = fcBias;
        FcOut = fcOut;
    }

    public string Name { get; }

    /// <summary>dense0/conv0: 3x3 s2 3 -> 32.</summary>
    public ConvWeights FirstConv { get; }

    /// <summary>Per block, its separable convs (block 0 lacks conv0, which is <see cref="FirstConv"/>; slot 0 is null there).</summary>
    public SeparableConvWeights[][] Blocks { get; }

    public int ConvsPerBlock => Blocks[0].Length;

    public int Features => Blocks[^1][^1].Cout;

    public float[] FcWeights { get; }

    public float[] FcBias { get; }

    public int FcOut { get; }

    /// <summary>Spatial size of the last block's output (7 for four blocks, 14 for three).</summary>
    public int FinalSize => InputSize >> (Blocks.Length + 1);

    public static DenseFaceNetModel From(WeightSet set, int blockCount, int convsPerBlock, int fcOut)
    {
        int[] channels = [32, 64, 128, 256];
        var blocks = new SeparableConvWeights[blockCount][];
        for (int b = 0; b < blockCount; b++)
        {
            int cout = channels[b];
            int cin = b == 0 ? 32 : channels[b - 1];
            blocks[b] = new SeparableConvWeights[convsPerBlock];
            for (int c = 0; c < convsPerBlock; c++)
            {
                if (b == 0 && c == 0)
                {
                    continue;
                }

                blocks[b][c] = SeparableConvWeights.Take(set, $"dense{b}/conv{c}", c == 0 ? cin : cout, cout);
            }
        }

        int features = channels[blockCount - 1];
        var model = new DenseFaceNetModel(
            set.ModelName,
            ConvWeights.Take(set, "dense0/conv0", 3, 3, 32),
            blocks,
            set.Take("fc/weights", features, fcOut),
            set.Take("fc/bias", fcOut),
            fcOut);
        int expected = 2 + (((blockCount * convsPerBlock) - 1) * 3) + 2;
        if (set.Count != expected)
        {
            ModelThrowHelper.ThrowModelFormat($"Model {set.ModelName} has {set.Count} weights, expected {expected}.");
        }

        return model;
    }
}
