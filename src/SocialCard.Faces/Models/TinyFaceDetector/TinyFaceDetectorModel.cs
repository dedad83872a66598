using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models.TinyFaceDetector;

/// <summary>The tiny-yolo-v2 face detector weights (immutable, shared by every analyzer).</summary>
internal sealed class TinyFaceDetectorModel
{
    public const string FileName = "tiny_face_detector_model";
    public const int GridChannels = 25;

    private static readonly int[] s_channels = [16, 32, 64, 128, 256, 512];

    private TinyFaceDetectorModel(ConvWeights conv0, SeparableConvWeights[] separable, ConvWeights conv8)
    {
        Conv0 = conv0;
        Separable = separable;
        Conv8 = conv8;
    }

    /// <summary>conv0: 3x3 VALID 3 -> 16.</summary>
    public ConvWeights Conv0 { get; }

    /// <summary>conv1..conv5: separable 16->32->64->128->256->512.</summary>
    public IReadOnlyList<SeparableConvWeights> Separable { get; }

    /// <summary>conv8: 1x1 512 -> 25 (5 anchors x tx,ty,tw,th,to).</summary>
    public ConvWeights Conv8 { get; }

    public static TinyFaceDetectorModel From(WeightSet set)
    {
        var separable = new SeparableConvWeights[5];
        for (int i = 0; i < 5; i++)
        {
            separable[i] = SeparableConvWeights.Take(set, $"conv{i + 1}", s_channels[i], s_channels[i + 1]);
        }

        var model = new TinyFaceDetectorModel(
            ConvWeights.Take(set, "conv0", 3, 3, 16), separable, ConvWeights.Take(set, "conv8", 1, 512, GridChannels));
        if (set.Count != 2 + (5 * 3) + 2)
        {
            ModelThrowHelper.ThrowModelFormat($"Model {set.ModelName} has {set.Count} weights, expected 19.");
        }

        return model;
    }
}
