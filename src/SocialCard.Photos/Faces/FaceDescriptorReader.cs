using SocialCard.Faces;
using SocialCard.Imaging;

namespace SocialCard.Photos.Faces;

/// <summary>
/// The face descriptor of a photo file for the same-face comparison: decoded like the checker decodes
/// (<see cref="PhotoChecker.DefaultDecodeOptions"/>), the face found by <see cref="FaceAnalyzer"/> with its default
/// options (as <see cref="FaceDescriber.SamePersonLimit"/> was calibrated), described by <see cref="FaceDescriber"/>.
/// Only a photo with exactly one face has a descriptor. Separate from the checker, so the check never pays for it.
/// Thread-safe.
/// </summary>
public sealed class FaceDescriptorReader : IDisposable
{
    private readonly FaceAnalyzer _analyzer;
    private readonly FaceDescriber _describer;

    public FaceDescriptorReader(FaceModels models, FaceRecognitionModel recognition)
    {
        _analyzer = new FaceAnalyzer(models);
        _describer = new FaceDescriber(recognition);
    }

    /// <summary>Loads both models from <paramref name="directory"/> (see <see cref="FaceModels.Load(string?)"/>).</summary>
    public static FaceDescriptorReader Load(string? directory = null) =>
        new(FaceModels.Load(directory), FaceRecognitionModel.Load(directory));

    /// <summary>The descriptor of the one face in <paramref name="photo"/>; null for no face, several, or an unreadable file.</summary>
    public float[]? Read(ReadOnlySpan<byte> photo)
    {
        RgbImage image;
        try
        {
            image = ImageDecoder.Decode(photo, PhotoChecker.DefaultDecodeOptions);
        }
        catch (InvalidImageContentException)
        {
            return null;
        }

        using (image)
        {
            FaceAnalysis analysis = _analyzer.Analyze(image);
            return analysis.Faces.Count == 1 ? _describer.Describe(image, analysis.Faces[0].Box) : null;
        }
    }

    public void Dispose() => _describer.Dispose();
}
