using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Models.FaceRecognition;

/// <summary>
/// face-api's face recognition net (a ResNet-34-like network ported from dlib, 128-d descriptor): input 150x150x3,
/// <c>(v - mean) / 255</c>; a 7x7 stride-2 <c>valid</c> conv to 32 channels, a 3x3 stride-2 <c>valid</c> max pool, residual
/// blocks at 32, 64, 128 and 256 channels, global average, fc 256 -> 128 (no bias).
/// </summary>
internal sealed class FaceRecognitionNetModel
{
    public const string FileName = "face_recognition_model";
    public const int InputSize = 150;
    public const int DescriptorLength = 128;
    public const float MeanR = 122.782f;
    public const float MeanG = 117.001f;
    public const float MeanB = 104.298f;

    private FaceRecognitionNetModel(ConvWeights stem, ResidualBlockWeights[] blocks, float[] fc)
    {
        Stem = stem;
        Blocks = blocks;
        Fc = fc;
    }

    /// <summary>conv32_down: 7x7 s2 valid, 3 -> 32.</summary>
    public ConvWeights Stem { get; }

    public ResidualBlockWeights[] Blocks { get; }

    /// <summary>fc [256, 128].</summary>
    public float[] Fc { get; }

    public static FaceRecognitionNetModel From(WeightSet set)
    {
        ResidualBlockWeights[] blocks =
        [
            ResidualBlockWeights.Take(set, "conv32_1", false, 32, 32),
            ResidualBlockWeights.Take(set, "conv32_2", false, 32, 32),
            ResidualBlockWeights.Take(set, "conv32_3", false, 32, 32),
            ResidualBlockWeights.Take(set, "conv64_down", true, 32, 64),
            ResidualBlockWeights.Take(set, "conv64_1", false, 64, 64),
            ResidualBlockWeights.Take(set, "conv64_2", false, 64, 64),
            ResidualBlockWeights.Take(set, "conv64_3", false, 64, 64),
            ResidualBlockWeights.Take(set, "conv128_down", true, 64, 128),
            ResidualBlockWeights.Take(set, "conv128_1", false, 128, 128),
            ResidualBlockWeights.Take(set, "conv128_2", false, 128, 128),
            ResidualBlockWeights.Take(set, "conv256_down", true, 128, 256),
            ResidualBlockWeights.Take(set, "conv256_1", false, 256, 256),
            ResidualBlockWeights.Take(set, "conv256_2", false, 256, 256),
            ResidualBlockWeights.Take(set, "conv256_down_out", true, 256, 256),
        ];
        return new FaceRecognitionNetModel(ConvWeights.TakeScaled(set, "conv32_down", 7, 3, 32), blocks, set.Take("fc", 256, DescriptorLength));
    }
}
