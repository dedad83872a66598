using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces;

/// <summary>
/// The four face-api networks' weights, loaded once from <c>models/face-api</c> and verified against the committed
/// SHA-256 values. The weights are immutable; besides them an instance keeps the largest detector input size its
/// analyzers announced (under a lock), the size every set of working tensors is made for. Thread-safe: share one
/// instance across threads and analyzers.
/// </summary>
public sealed class FaceModels
{
    internal const string Landmark68FileName = "face_landmark_68_model";
    internal const string Landmark68TinyFileName = "face_landmark_68_tiny_model";
    internal const string ExpressionFileName = "face_expression_model";

    private FaceModels(
        string directory, TinyFaceDetectorModel detector, DenseFaceNetModel landmark68, DenseFaceNetModel landmark68Tiny,
        DenseFaceNetModel expression)
    {
        Directory = directory;
        Detector = detector;
        Landmark68 = landmark68;
        Landmark68Tiny = landmark68Tiny;
        Expression = expression;
        Scratch = new ScratchPool<FaceScratch>(() => new FaceScratch(DetectorLengths));
    }

    /// <summary>The folder the weights were read from.</summary>
    public string Directory { get; }

    internal TinyFaceDetectorModel Detector { get; }

    internal DenseFaceNetModel Landmark68 { get; }

    internal DenseFaceNetModel Landmark68Tiny { get; }

    internal DenseFaceNetModel Expression { get; }

    private readonly Lock _detectorLock = new();
    private DetectorScratch.Lengths _detectorLengths;

    /// <summary>The networks' working tensors, shared by every analyzer of these models (<see cref="FaceScratch"/>); each
    /// set is made with the detector's tensors at the largest size of the analyzers made so far
    /// (<see cref="ReserveDetector"/>).</summary>
    internal ScratchPool<FaceScratch> Scratch { get; }

    /// <summary>The largest detector tensors any analyzer of these models has announced, tensor by tensor.</summary>
    internal DetectorScratch.Lengths DetectorLengths
    {
        get
        {
            lock (_detectorLock)
            {
                return _detectorLengths;
            }
        }
    }

    /// <summary>
    /// An analyzer will run the detector with tensors of <paramref name="lengths"/>: the sets of tensors made from now
    /// on are made (and first touched) that large at once, so no photo pays for growing them when it is the first to
    /// need a larger detector size than the photos before it (the probe at 160, then the cascade's 352 ... 416).
    /// </summary>
    internal void ReserveDetector(DetectorScratch.Lengths lengths)
    {
        lock (_detectorLock)
        {
            DetectorScratch.Lengths l = _detectorLengths;
            _detectorLengths = new DetectorScratch.Lengths(
                Math.Max(l.Input, lengths.Input), Math.Max(l.A, lengths.A), Math.Max(l.B, lengths.B),
                Math.Max(l.Depthwise, lengths.Depthwise), Math.Max(l.Im2col, lengths.Im2col));
        }
    }

    /// <summary>
    /// Loads the weights from <paramref name="directory"/>, else from <c>$SOCIALCARD_MODELS</c>, else from the first
    /// <c>models/face-api</c> folder above the application. Never downloads.
    /// </summary>
    /// <exception cref="ModelFormatException">A file is missing, altered or malformed (the message names <c>./setup.sh</c>).</exception>
    public static FaceModels Load(string? directory = null) => Load(directory, ModelChecksums.Embedded);

    /// <summary>Loads with an explicit checksum list (null skips hashing: used by tests to reach the structural checks).</summary>
    internal static FaceModels Load(string? directory, ModelChecksums? checksums)
    {
        string dir = ModelLocator.Locate(directory);
        return new FaceModels(
            dir,
            TinyFaceDetectorModel.From(WeightFileLoader.Load(dir, TinyFaceDetectorModel.FileName, checksums)),
            DenseFaceNetModel.From(WeightFileLoader.Load(dir, Landmark68FileName, checksums), 4, 4, 136),
            DenseFaceNetModel.From(WeightFileLoader.Load(dir, Landmark68TinyFileName, checksums), 3, 3, 136),
            DenseFaceNetModel.From(WeightFileLoader.Load(dir, ExpressionFileName, checksums), 4, 4, FaceExpressions.Count));
    }
}
