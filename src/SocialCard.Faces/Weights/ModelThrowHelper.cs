using System.Diagnostics.CodeAnalysis;

namespace SocialCard.Faces.Weights;

internal static class ModelThrowHelper
{
    public const string SetupHint =
        "Run ./setup.sh (steps scripts/setup.d/20-face-model.sh and 25-selfie-model.sh) to install the " +
        "@vladmandic/face-api@1.7.15 weights into models/face-api/ and the selfie segmentation graph into models/selfie/, " +
        "or point SOCIALCARD_MODELS at the folder holding them.";

    [DoesNotReturn]
    public static void ThrowModelFormat(string message) => throw new ModelFormatException($"{message} {SetupHint}");

    [DoesNotReturn]
    public static void ThrowModelFormat(string message, Exception inner) =>
        throw new ModelFormatException($"{message} {SetupHint}", inner);
}
