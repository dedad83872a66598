using SocialCard.Faces.Models;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.FaceExpression;
using SocialCard.Faces.Models.FaceLandmark68;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Kernels;
using SocialCard.Imaging;

namespace SocialCard.Faces;

/// <summary>
/// Detector -> 68 landmarks -> expression on one RGB image, numerically as face-api 1.7.15 (tfjs cpu backend).
/// Thread-safe: each call rents a scratch workspace from the analyzer's own small pool and the networks' tensors from
/// the models' pool, which every analyzer of the same models shares (one set per concurrent call, kept for reuse), so
/// after the first call per thread the networks allocate nothing; only the result objects are new.
/// </summary>
public sealed class FaceAnalyzer
{
    private const float LandmarkMeanR = 122.782f;
    private const float LandmarkMeanG = 117.001f;
    private const float LandmarkMeanB = 104.298f;

    private readonly FaceModels _models;
    private readonly ScratchPool<FaceAnalyzerWorkspace> _pool;

    public FaceAnalyzer(FaceModels models, FaceAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = models;
        Options = options ?? new FaceAnalyzerOptions();
        _pool = new ScratchPool<FaceAnalyzerWorkspace>(() => new FaceAnalyzerWorkspace(models, Options.InputSize));
        if (Options.InputSize < 32 || Options.InputSize % 32 != 0 || Options.InputSize > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.InputSize, "InputSize must be a multiple of 32 in 32..1024.");
        }

        // The first workspace made now, so the models' tensors are made for this size too (see FaceModels.ReserveDetector).
        var first = new FaceAnalyzerWorkspace(models, Options.InputSize);
        models.ReserveDetector(first.Detector.ScratchLengths);
        _pool.Return(first);
    }

    public FaceAnalyzerOptions Options { get; }

    public FaceAnalysis Analyze(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        FaceAnalyzerWorkspace ws = Rent();
        try
        {
            return Describe(ws, image, Detect(ws, image, Options.ScoreThreshold));
        }
        finally
        {
            Return(ws);
        }
    }

    /// <summary>
    /// Runs the detector and, only when its detections pass <paramref name="gate"/> (one face over the score threshold,
    /// no rival candidate, plausible centre and width), the landmark and expression nets on that face; null otherwise
    /// (the landmark nets did not run). The face, when returned, is exactly what <see cref="Analyze"/> would give.
    /// </summary>
    public FaceAnalysis? AnalyzeSingle(RgbImage image, SingleFaceGate gate)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(gate);
        FaceAnalyzerWorkspace ws = Rent();
        try
        {
            // Decoding at the lower threshold keeps every candidate over ScoreThreshold as Analyze would: NMS is greedy
            // from the top, so a candidate is only suppressed by a higher-scoring one.
            // Exactly one survivor over the lower of the two thresholds (a second one is a second face or a rival),
            // and it clears the score threshold.
            int count = Detect(ws, image, Math.Min(Options.ScoreThreshold, gate.RivalThreshold));
            if (count != 1 || !(ws.Kept[0].Score > Options.ScoreThreshold))
            {
                return null;
            }

            // Candidates are relative to the image (0..1 on each axis): shares of the width as they are.
            DetectionCandidate c = ws.Kept[0];
            double centre = c.X + (c.Width / 2);
            double width = c.Width;
            if (centre < gate.MinCentreX || centre > gate.MaxCentreX || width < gate.MinWidth || width > gate.MaxWidth)
            {
                return null;
            }

            return Describe(ws, image, 1);
        }
        finally
        {
            Return(ws);
        }
    }

    /// <summary>
    /// Runs every network once (detector on a blank grey square, landmark and expression nets on its central box) so
    /// that a host's first real photo does not also pay for compiling the kernels and allocating this thread's
    /// workspace. Returns the landmarks found on that box (68 points; meaningless, but proof that the nets ran).
    /// </summary>
    public int WarmUp()
    {
        using var image = new RgbImage(DenseFaceNetModel.InputSize * 2, DenseFaceNetModel.InputSize * 2);
        image.Pixels.Fill(128);
        FaceAnalyzerWorkspace ws = Rent();
        try
        {
            Detect(ws, image, Options.ScoreThreshold);
            var box = new FaceBox(image.Width / 4.0, image.Height / 4.0, image.Width / 2.0, image.Height / 2.0);
            DenseFaceNetModel landmarkNet = Options.UseTinyLandmarks ? _models.Landmark68Tiny : _models.Landmark68;
            FacePoint[]? points = Landmarks(ws, image, box, landmarkNet);
            if (points is null)
            {
                return 0;
            }

            Expressions(ws, image, points);
            return points.Length;
        }
        finally
        {
            Return(ws);
        }
    }

    /// <summary>Landmarks and expressions of the first <paramref name="count"/> detections in <c>ws.Kept</c>.</summary>
    private FaceAnalysis Describe(FaceAnalyzerWorkspace ws, RgbImage image, int count)
    {
        var faces = new List<DetectedFace>(count);
        DenseFaceNetModel landmarkNet = Options.UseTinyLandmarks ? _models.Landmark68Tiny : _models.Landmark68;
        for (int i = 0; i < count; i++)
        {
            DetectionCandidate c = ws.Kept[i];
            var box = new FaceBox(c.X * image.Width, c.Y * image.Height, c.Width * image.Width, c.Height * image.Height);
            FacePoint[]? points = Landmarks(ws, image, box, landmarkNet);
            if (points is null)
            {
                continue;
            }

            for (int pass = 0; pass < Options.FrameRefinements; pass++)
            {
                FaceBox frame = LandmarkFrame.FromPoints(points);
                if (!LandmarkFrame.Inside(frame, image.Width, image.Height))
                {
                    break;
                }

                points = Landmarks(ws, image, frame, landmarkNet) ?? points;
            }

            double[] expressions = Expressions(ws, image, points);
            faces.Add(new DetectedFace(box, c.Score, points, new FaceExpressions(expressions)));
        }

        return new FaceAnalysis(faces, image.Width, image.Height);
    }

    /// <summary>Runs the detector and decodes into <c>ws.Kept</c> (highest score first) at a score threshold; returns the count.</summary>
    internal int Detect(FaceAnalyzerWorkspace ws, RgbImage image, double scoreThreshold)
    {
        ReadOnlySpan<float> grid = ws.Detector.Run(image, ws.Scratch!.Detector);
        return TinyFaceDetectorDecoder.Decode(
            grid, ws.Detector.GridSize, Options.InputSize, image.Width, image.Height, scoreThreshold,
            ws.Candidates, ws.Order, ws.Kept);
    }

    /// <summary>The landmark net on the clipped, floored box; null when the clipped box is empty.</summary>
    internal static FacePoint[]? Landmarks(FaceAnalyzerWorkspace ws, RgbImage image, FaceBox box, DenseFaceNetModel net)
    {
        var crop = CropRect.Clip(box.X, box.Y, box.Width, box.Height, image.Width, image.Height);
        if (crop.IsEmpty)
        {
            return null;
        }

        ImageInput.Prepare(
            image, crop.X, crop.Y, crop.Width, crop.Height, center: true, DenseFaceNetModel.InputSize,
            LandmarkMeanR, LandmarkMeanG, LandmarkMeanB, ws.Dense.Input);
        ReadOnlySpan<float> fc = ws.Dense.Run(net);
        var points = new FacePoint[DetectedFace.LandmarkCount];
        LandmarkDecoder.ToImage(fc, crop, box.X, box.Y, points);
        return points;
    }

    /// <summary>The expression net on the aligned rect of the landmarks; uniform probabilities if that rect is empty.</summary>
    internal double[] Expressions(FaceAnalyzerWorkspace ws, RgbImage image, ReadOnlySpan<FacePoint> points)
    {
        (double x, double y, double w, double h) = LandmarkDecoder.AlignedRect(points);
        var crop = CropRect.Clip(x, y, w, h, image.Width, image.Height);
        if (crop.IsEmpty)
        {
            double[] uniform = new double[FaceExpressions.Count];
            Array.Fill(uniform, 1.0 / FaceExpressions.Count);
            return uniform;
        }

        ImageInput.Prepare(
            image, crop.X, crop.Y, crop.Width, crop.Height, center: true, DenseFaceNetModel.InputSize,
            LandmarkMeanR, LandmarkMeanG, LandmarkMeanB, ws.Dense.Input);
        return ExpressionDecoder.Softmax(ws.Dense.Run(_models.Expression));
    }

    internal FaceAnalyzerWorkspace Rent()
    {
        FaceAnalyzerWorkspace ws = _pool.Rent();
        ws.Scratch = _models.Scratch.Rent();
        return ws;
    }

    internal void Return(FaceAnalyzerWorkspace ws)
    {
        if (ws.Scratch is { } scratch)
        {
            ws.Scratch = null;
            _models.Scratch.Return(scratch);
        }

        _pool.Return(ws);
    }
}
