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
}
