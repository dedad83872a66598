using SocialCard.Faces.Models.FaceRecognition;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces;

/// <summary>
/// face-api's face recognition network (128-d face descriptors; <c>face_recognition_model</c> of the MIT
/// <c>@vladmandic/face-api</c> 1.7.15), loaded from <c>models/face-api</c> and verified against the committed SHA-256
/// values. Kept apart from <see cref="FaceModels"/> so the photo check never pays for loading it. Immutable: share one
/// instance across threads.
/// </summary>
public sealed class FaceRecognitionModel
{
    private FaceRecognitionModel(string directory, FaceRecognitionNetModel net)
    {
        Directory = directory;
        Net = net;
    }

    /// <summary>The folder the weights were read from.</summary>
    public string Directory { get; }

    internal FaceRecognitionNetModel Net { get; }

    /// <summary>Loads from <paramref name="directory"/>, else <c>$SOCIALCARD_MODELS</c>, else the first <c>models/face-api</c>
    /// above the application. Never downloads.</summary>
    /// <exception cref="ModelFormatException">A file is missing, altered or malformed (the message names <c>./setup.sh</c>).</exception>
    public static FaceRecognitionModel Load(string? directory = null)
    {
        string dir = ModelLocator.Locate(directory);
        return new FaceRecognitionModel(dir, FaceRecognitionNetModel.From(WeightFileLoader.Load(dir, FaceRecognitionNetModel.FileName, ModelChecksums.Embedded)));
    }
}
