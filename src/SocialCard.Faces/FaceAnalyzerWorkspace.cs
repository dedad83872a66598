using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;

namespace SocialCard.Faces;

/// <summary>All scratch one analysis needs (network buffers, decode scratch); one per concurrent call, reused.</summary>
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

    public DenseFaceNetRunner Dense { get; } = new();

    public DetectionCandidate[] Candidates { get; }

    public int[] Order { get; }

    public DetectionCandidate[] Kept { get; }
}
