using BenchmarkDotNet.Attributes;
using SocialCard.Faces;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// The selfie person-segmentation network, one core: a whole <see cref="SelfieSegmenter.Segment"/> (input resize from
/// the 358x441 devset photo + the 256x256 forward pass). Steady state must show only the result's allocation.
/// Graph from models/selfie (./setup.sh) or $SOCIALCARD_MODELS.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class SelfieSegmentationBenchmarks
{
    private RgbImage? _photo;
    private SelfieSegmenter? _segmenter;

    [GlobalSetup]
    public void Setup()
    {
        _photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        _segmenter = new SelfieSegmenter(SelfieSegmentationModel.Load(SelfieStages.ModelsDirectory()));
        _segmenter.Segment(_photo);
    }

    [GlobalCleanup]
    public void Cleanup() => _photo?.Dispose();

    [Benchmark]
    public float Segment() => _segmenter!.Segment(_photo!).Probability[128 * 256];
}
