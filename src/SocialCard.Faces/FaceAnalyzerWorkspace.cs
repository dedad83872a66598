using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;

namespace SocialCard.Faces;

/// <summary>All scratch one analysis needs at one detector size (the decoder's candidates; the networks' tensors in the
/// <see cref="Scratch"/> rented with it, shared by every size); one per concurrent call, reused.</summary>
internal sealed class FaceAnalyzerWorkspace
{
    public FaceAnalyzerWorkspace(FaceModels models, int inputSize)
    {
        Detector = new TinyFaceDetectorRunner(models.Detector, inputSize);
        int cells = Detector.GridSize * Detector.GridSize * TinyFaceDetectorDecoder.Anchors;
        Candidates = new DetectionCandidate[cells];
        Order = new int[cells];
        Kept = new DetectionCandidate[cells];
    }

    public TinyFaceDetectorRunner Detector { get; }

    /// <summary>The networks' tensors, rented from the models' pool with this workspace and returned with it.</summary>
    public FaceScratch? Scratch { get; set; }

    public DenseFaceNetRunner Dense => (Scratch ?? throw new InvalidOperationException("The workspace is not rented.")).Dense;

    public DetectionCandidate[] Candidates { get; }

    public int[] Order { get; }

    public DetectionCandidate[] Kept { get; }
}
