using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;

namespace SocialCard.Faces;

/// <summary>
/// The networks' working tensors one analysis uses, whatever the detector's input size: the dense nets' runner (the
/// same for every analyzer) and the detector's tensors (grown to the largest size run). Every analyzer of one
/// <see cref="FaceModels"/> rents from the same pool (<see cref="FaceModels.Scratch"/>), so the probe and the cascade's
/// sizes share one set per concurrent analysis instead of one per size (each set is several MB that a process would
/// otherwise allocate and touch again for every size).
/// </summary>
internal sealed class FaceScratch
{
    /// <summary>Makes the tensors, the detector's at least <paramref name="detector"/> long (the largest size of the
    /// analyzers made so far), so a photo that first needs a larger detector size than the photos before it does not
    /// replace them with fresh, larger arrays. They are not written here: a page is brought in when a run first uses it,
    /// so a check of one photo pays only for the pages its sizes touch.</summary>
    public FaceScratch(DetectorScratch.Lengths detector = default)
    {
        Detector.Reserve(detector);
    }

    public DenseFaceNetRunner Dense { get; } = new();

    public DetectorScratch Detector { get; } = new();
}
