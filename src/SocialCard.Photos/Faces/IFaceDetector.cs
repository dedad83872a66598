using SocialCard.Imaging;

namespace SocialCard.Photos.Faces;

/// <summary>
/// The face engine as the photo checker sees it. An adapter over SocialCard.Faces plugs in here; implementations must
/// be thread-safe (one instance serves parallel checks) and return null only when they could not run at all (no face
/// found is an observation with zero faces).
/// </summary>
public interface IFaceDetector
{
    FaceObservation? Analyze(RgbImage image);

    /// <summary>
    /// The face of an original for the automatic fix, which crops, scales and whitens along the landmarks: an engine
    /// with a cheap first pass for checks may spend more here (a fix takes tens of milliseconds anyway). By default the
    /// same as <see cref="Analyze"/>.
    /// </summary>
    FaceObservation? AnalyzeForFix(RgbImage image) => Analyze(image);
}
