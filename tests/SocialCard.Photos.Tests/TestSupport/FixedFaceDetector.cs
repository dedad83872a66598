using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>A face engine that reports a given observation for every photo (null: the engine could not run).</summary>
internal sealed class FixedFaceDetector(FaceObservation? observation) : IFaceDetector
{
    public FixedFaceDetector(params ObservedFace[] faces)
        : this(new FaceObservation { Faces = faces })
    {
    }

    public FaceObservation? Analyze(RgbImage image) => observation;
}
