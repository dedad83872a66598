using BenchmarkDotNet.Attributes;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// The three face networks on one 358x441 devset ID photo, one core: detector (at 160 -- the probe of the product's
/// face engine in SocialCard.Photos' CheckerFaceDetector --, at 224, at 352 -- the first size of its cascade -- and at
/// the analyzer's default 416), each dense net on its 112x112 crop, and the whole <see cref="FaceAnalyzer.Analyze"/> at
/// 160, 352 and 416. Steady state must show 0 B/op for
/// the networks. Weights from models/face-api (./setup.sh) or $SOCIALCARD_MODELS.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class FaceNetworkBenchmarks
{
    private RgbImage? _photo;
    private FaceModels? _models;
    private TinyFaceDetectorRunner? _detector160;
    private TinyFaceDetectorRunner? _detector224;
    private TinyFaceDetectorRunner? _detector352;
    private TinyFaceDetectorRunner? _detector416;
    private DenseFaceNetRunner? _dense;
    private FaceAnalyzer? _analyzer;
    private FaceAnalyzer? _analyzer352;
    private FaceAnalyzer? _analyzer160;

    [GlobalSetup]
    public void Setup()
    {
        _photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        _models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        _detector160 = new TinyFaceDetectorRunner(_models.Detector, 160);
        _detector224 = new TinyFaceDetectorRunner(_models.Detector, 224);
        _detector352 = new TinyFaceDetectorRunner(_models.Detector, 352);
        _detector416 = new TinyFaceDetectorRunner(_models.Detector, 416);
        _dense = new DenseFaceNetRunner();
        ImageInput.Prepare(_photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, _dense.Input);
        _analyzer = new FaceAnalyzer(_models);
        _analyzer.Analyze(_photo);
        _analyzer352 = new FaceAnalyzer(_models, new FaceAnalyzerOptions { InputSize = 352, ScoreThreshold = 0.45 });
        _analyzer352.Analyze(_photo);
        _analyzer160 = new FaceAnalyzer(_models, new FaceAnalyzerOptions { InputSize = 160, ScoreThreshold = 0.45 });
        _analyzer160.Analyze(_photo);
    }

    [GlobalCleanup]
    public void Cleanup() => _photo?.Dispose();

    [Benchmark]
    public float Detector160() => _detector160!.Run(_photo!)[0];

    [Benchmark]
    public float Detector224() => _detector224!.Run(_photo!)[0];

    [Benchmark]
    public float Detector352() => _detector352!.Run(_photo!)[0];

    [Benchmark]
    public float Detector416() => _detector416!.Run(_photo!)[0];

    [Benchmark]
    public float Landmark68() => _dense!.Run(_models!.Landmark68)[0];

    [Benchmark]
    public float Landmark68Tiny() => _dense!.Run(_models!.Landmark68Tiny)[0];

    [Benchmark]
    public float Expression() => _dense!.Run(_models!.Expression)[0];

    [Benchmark]
    public int AnalyzeDefault() => _analyzer!.Analyze(_photo!).Faces.Count;

    /// <summary>Detector at 352 (score &gt; 0.45) + landmarks + expression: what the product's cascade runs on this photo.</summary>
    [Benchmark]
    public int Analyze352() => _analyzer352!.Analyze(_photo!).Faces.Count;

    /// <summary>Detector at 160 (score &gt; 0.45) + landmarks + expression: what the product's probe runs on this photo.</summary>
    [Benchmark]
    public int Analyze160() => _analyzer160!.Analyze(_photo!).Faces.Count;
}
