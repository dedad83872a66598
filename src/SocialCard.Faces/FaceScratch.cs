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
    /// <summary>Makes the tensors, the detector's at least <paramref name="detector"/> long and written once, so their
    /// pages are in memory before the first photo runs.</summary>
    public FaceScratch(DetectorScratch.Lengths detector = default)
    {
        Detector.Reserve(detector);
        Detector.Input.AsSpan().Clear();
        Detector.A.AsSpan().Clear();
        Detector.B.AsSpan().Clear();
        Detector.Depthwise.AsSpan().Clear();
        Detector.Im2col.AsSpan().Clear();
    }

    public DenseFaceNetRunner Dense { get; } = new();

    public DetectorScratch Detector { get; } = new();
}
